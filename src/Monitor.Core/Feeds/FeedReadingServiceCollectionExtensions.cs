using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Net;

namespace NewsMonitor.Feeds;

public static class FeedReadingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedLoader"/> and what it needs: validated <see cref="FeedReadingOptions"/>
    /// (checked at start), the named <see cref="HttpClient"/> whose handler connects through
    /// <see cref="GuardedConnection"/> and decompresses gzip/deflate/brotli, the per-host limiter and the
    /// parser. Bind configuration with <c>services.AddOptions&lt;FeedReadingOptions&gt;().Bind(...)</c> as well if wanted.
    /// </summary>
    public static IServiceCollection AddFeedReading(this IServiceCollection services, Action<FeedReadingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FeedReadingOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedReadingOptions>, FeedReadingOptionsValidator>());

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedParser>();
        services.TryAddSingleton<NextPollPolicy>();
        services.TryAddSingleton(sp => new HostConcurrencyLimiter(sp.GetRequiredService<IOptions<FeedReadingOptions>>().Value.MaxConcurrentPerHost));
        services.TryAddSingleton<FeedFetcher>();
        services.TryAddSingleton<FeedLoader>();

        services.AddHttpClient(FeedFetcher.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // FeedFetcher enforces its own timeouts, each with its reason.
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<FeedReadingOptions>>().Value;
                var handler = GuardedConnection.CreateHandler(new NetworkAccessPolicy(settings.AllowPrivateNetworks), settings.ConnectTimeout);
                // Decompressing in the handler means FeedFetcher counts decompressed bytes against the cap.
                handler.AutomaticDecompression = DecompressionMethods.All;
                return handler;
            })
            // FeedLoader logs one line per feed with its reason; per-request logs would repeat it four times.
            .RemoveAllLoggers();
        return services;
    }
}
