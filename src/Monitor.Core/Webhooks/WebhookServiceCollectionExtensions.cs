using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Net;

namespace NewsMonitor.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook sender, intent verifier, URL validator, signer and retry schedule, and the guarded
    /// named HttpClient they share. Returns the options builder so the host can also bind configuration, e.g.
    /// <c>.BindConfiguration(WebhookOptions.SectionName)</c>. Uses the <see cref="TimeProvider"/> in DI (System by default).
    /// </summary>
    public static OptionsBuilder<WebhookOptions> AddWebhooks(this IServiceCollection services, Action<WebhookOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        var options = services.AddOptions<WebhookOptions>().ValidateOnStart();
        if (configure is not null) options.Configure(configure);

        services.AddHttpClient(WebhookHttp.ClientName, client =>
            {
                // Each attempt has its own timeout on the injected clock (WebhookOptions.Timeout).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Add(ProductInfoHeaderValue.Parse(WebhookHttp.UserAgent));
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var settings = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return GuardedConnection.CreateHandler(new NetworkAccessPolicy(settings.AllowPrivateNetworks), settings.Timeout);
            })
            // The factory's default loggers write full request URLs, which may carry a receiver's token; the sender logs the host.
            .RemoveAllLoggers();

        services.TryAddSingleton<WebhookSigner>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<IntentVerifier>();
        services.TryAddSingleton<WebhookUrlValidator>();
        services.TryAddSingleton(provider => RetrySchedule.FromOptions(provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return options;
    }
}
