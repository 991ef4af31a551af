using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

/// <summary>The webhook services as the hosts register them, with a recording logger, next to a loopback receiver.</summary>
internal sealed class WebhookHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WebhookHarness(ServiceProvider services, WebhookReceiver receiver, RecordingLoggerProvider logs)
    {
        _services = services;
        Receiver = receiver;
        Logs = logs;
    }

    public WebhookReceiver Receiver { get; }

    public RecordingLoggerProvider Logs { get; }

    public WebhookSender Sender => _services.GetRequiredService<WebhookSender>();

    public IntentVerifier Verifier => _services.GetRequiredService<IntentVerifier>();

    /// <summary>Private networks allowed and http accepted (the receiver is plain http on 127.0.0.1) unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<WebhookHarness> StartAsync(Action<WebhookOptions>? configure = null, TimeProvider? time = null)
    {
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null) services.AddSingleton(time);
        services.AddWebhooks(options =>
        {
            options.AllowPrivateNetworks = true;
            options.RequireHttps = false;
            options.Timeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        var receiver = await WebhookReceiver.StartAsync();
        return new WebhookHarness(services.BuildServiceProvider(validateScopes: true), receiver, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await _services.DisposeAsync();
    }
}
