using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// The product as <c>monitor run</c> runs it — <see cref="LocalHost.Build"/> on 127.0.0.1 with a random port, polling
/// every second — beside a <see cref="FeedServer"/> serving the feeds a test gives it and a <see cref="WebhookReceiver"/>.
/// Storage is a fresh temp folder unless the test passes other storage settings. Talks to the host only through its
/// HTTP API, with the API key.
/// </summary>
public sealed class LocalMonitor : IAsyncDisposable
{
    public const string ApiKey = "e2e-secret-key";
    public const string EverySecond = "*/1 * * * * *";

    private readonly WebApplication _app;
    private readonly string? _dataDirectory;

    private LocalMonitor(FeedServer feeds, WebhookReceiver receiver, WebApplication app, HttpClient api, CapturedLogs logs, string? dataDirectory)
    {
        Feeds = feeds;
        Receiver = receiver;
        _app = app;
        Api = api;
        Logs = logs;
        _dataDirectory = dataDirectory;
    }

    public FeedServer Feeds { get; }
    public WebhookReceiver Receiver { get; }
    public HttpClient Api { get; }
    public CapturedLogs Logs { get; }

    /// <summary>The folder holding blobs/ and queues/ (folder storage only).</summary>
    public string DataDirectory => _dataDirectory ?? throw new InvalidOperationException("This monitor does not use folder storage.");

    /// <summary>Starts the servers and the host. <paramref name="serveFeeds"/> puts the feeds on the feed server and returns their URLs.</summary>
    /// <param name="storage">Storage settings (e.g. a connection string); a fresh temp folder when null.</param>
    public static async Task<LocalMonitor> StartAsync(Func<FeedServer, IEnumerable<Uri>> serveFeeds,
        IReadOnlyDictionary<string, string?>? storage = null)
    {
        var feeds = await FeedServer.StartAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var dataDirectory = storage is null ? MonitorSettings.NewDataDirectory() : null;
        var settings = MonitorSettings.For(serveFeeds(feeds), EverySecond, storage ?? MonitorSettings.Folder(dataDirectory!));
        settings["Monitor:ApiKey"] = ApiKey;

        var logs = new CapturedLogs();
        var (app, address) = await LoopbackLocalHost.StartAsync(settings, logging => logging.ClearProviders().AddProvider(logs));
        var api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return new LocalMonitor(feeds, receiver, app, api, logs, dataDirectory);
    }

    /// <summary>Subscribes the receiver to <paramref name="topics"/> through the API; the subscription is verified at once.</summary>
    public async Task<Subscribed> SubscribeAsync(params string[] topics)
    {
        var created = await CreateSubscriptionAsync(topics);
        Assert.Equal("active", created.GetProperty("status").GetString());
        return new Subscribed(created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>POST /api/subscriptions for the receiver; returns the created subscription (with its secret), whatever its status.</summary>
    public async Task<JsonElement> CreateSubscriptionAsync(params string[] topics)
    {
        using var response = await Api.PostAsJsonAsync("api/subscriptions", new { url = Receiver.Url.AbsoluteUri, topics });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/subscriptions answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>GETs an API path (below the host's root, e.g. "api/feeds") and returns its JSON; fails the test on a non-2xx answer.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<JsonElement> MatchesAsync(string topic) => GetJsonAsync($"api/matches?topic={Uri.EscapeDataString(topic)}");

    public Task<JsonElement> DeliveriesAsync(string subscriptionId) => GetJsonAsync($"api/subscriptions/{subscriptionId}/deliveries");

    /// <summary>
    /// Waits until the subscription's one delivery is logged with <paramref name="status"/> and returns that log entry.
    /// The receiver has an answer a moment before the host has recorded it, so tests wait on the log itself.
    /// </summary>
    public async Task<JsonElement> WaitForDeliveryStatusAsync(string subscriptionId, string status)
    {
        await UntilAsync(async () => (await DeliveriesAsync(subscriptionId)).EnumerateArray()
            .SingleOrDefault().Optional("status") == status, $"the delivery to be logged as {status}");
        return Assert.Single((await DeliveriesAsync(subscriptionId)).EnumerateArray());
    }

    /// <summary>The <c>GET /api/feeds</c> entry of <paramref name="feed"/>.</summary>
    public async Task<JsonElement> FeedHealthAsync(Uri feed) =>
        (await GetJsonAsync("api/feeds")).EnumerateArray().Single(f => f.GetProperty("source").GetString() == feed.AbsoluteUri);

    /// <summary>Waits until the feed server has answered <paramref name="more"/> further requests for <paramref name="path"/>: later poll cycles ran.</summary>
    public Task WaitForPollsAsync(string path, int more)
    {
        var target = Feeds.RequestsTo(path).Count + more;
        return Eventually.UntilAsync(() => Feeds.RequestsTo(path).Count >= target, $"{more} more polls of {path}", Diagnostics);
    }

    public Task UntilAsync(Func<Task<bool>> condition, string what) => Eventually.UntilAsync(condition, what, Diagnostics);

    /// <summary>What to print when a wait times out: the receiver's and feed server's counts and the host's last log lines.</summary>
    public string Diagnostics() =>
        $"Receiver: {Receiver.Requests.Count} POSTs ({Receiver.Deliveries.Count} 2xx); feed server: {Feeds.Requests.Count} requests.\nHost log:\n{Logs.Tail()}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Api.Dispose();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        if (_dataDirectory is not null) MonitorSettings.DeleteDataDirectory(_dataDirectory);
    }
}

/// <summary>A subscription made through the API, with the secret its alerts are signed with.</summary>
public sealed record Subscribed(string Id, string Secret);
