using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// A real local host (<c>monitor run</c>'s <see cref="LocalHost"/>) on 127.0.0.1 with a free port, folder storage in a
/// temp dir, an API key, one loopback feed about Shikotan polled every second, and a webhook receiver to subscribe.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string ApiKey = "cli-test-key";

    private readonly TempFolder _data;
    private readonly WebApplication _app;

    private RunningHost(TempFolder data, WebApplication app, FeedServer feeds, WebhookReceiver receiver, string apiUrl)
    {
        _data = data;
        _app = app;
        Feeds = feeds;
        Receiver = receiver;
        ApiUrl = apiUrl;
    }

    public FeedServer Feeds { get; }

    public WebhookReceiver Receiver { get; }

    /// <summary>http://127.0.0.1:PORT, the value for <c>--api</c>.</summary>
    public string ApiUrl { get; }

    public static async Task<RunningHost> StartAsync()
    {
        var data = new TempFolder();
        var feeds = await FeedServer.StartAsync();
        var feed = feeds.Serve("/islands.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss));
        var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Storage:DataDirectory"] = data.Path,
            ["Monitor:FeedsFile"] = "",
            ["Monitor:FeedUrls:0"] = feed.ToString(),
            ["Monitor:PollSchedule"] = "* * * * * *",
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:ApiKey"] = ApiKey,
            ["Monitor:Webhooks:RetryDelays"] = "0,1s,2s",
        };
        var (app, address) = await LoopbackLocalHost.StartAsync(settings, logging => logging.ClearProviders());
        return new RunningHost(data, app, feeds, receiver, address.AbsoluteUri.TrimEnd('/'));
    }

    /// <summary>Runs <c>monitor ARGS --api URL --api-key KEY</c> in process against this host.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRun.InProcessAsync([.. args, "--api", ApiUrl, "--api-key", ApiKey]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        _data.Dispose();
    }
}
