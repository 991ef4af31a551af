using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Hosting;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>monitor run</c> for API tests: <see cref="LocalHost.Build"/> on 127.0.0.1 with a free port, an API key, folder
/// storage in a temp dir, a loopback webhook receiver and, when asked, a loopback feed with one Shikotan story.
/// Every log line of the host is captured in <see cref="Logs"/>.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string ApiKey = "api-key-for-tests-7f3a";
    private const string FeedPath = "/news.xml";

    /// <summary>How long anything asynchronous (a poll, a delivery) may take on a loaded machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private ApiHost(WebApplication app, HttpClient client, string dataDirectory, FeedServer feeds, WebhookReceiver receiver, CapturedLogs logs)
    {
        App = app;
        Client = client;
        DataDirectory = dataDirectory;
        Feeds = feeds;
        Receiver = receiver;
        Logs = logs;
    }

    public WebApplication App { get; }

    /// <summary>Sends the API key with every request; use <see cref="NewClient"/> for a client without it.</summary>
    public HttpClient Client { get; }

    public string DataDirectory { get; }
    public FeedServer Feeds { get; }
    public WebhookReceiver Receiver { get; }
    public CapturedLogs Logs { get; }
    public Uri BaseAddress => Client.BaseAddress!;

    /// <param name="withStory">Polls a loopback feed carrying one story of topic <c>shikotan</c> (and one unrelated) at start.</param>
    /// <param name="settings">Configuration over the test defaults (private networks allowed, plain http allowed).</param>
    /// <param name="feed">The RSS of the loopback feed the host polls, when not <see cref="StoryFeed.ShikotanAndUnrelated"/>.</param>
    public static async Task<ApiHost> StartAsync(bool withStory = false, IReadOnlyDictionary<string, string?>? settings = null, string? feed = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("newsmonitor-api-").FullName;
        var feeds = await FeedServer.StartAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Monitor:ApiKey"] = ApiKey,
            ["Monitor:Storage:DataDirectory"] = dataDirectory,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:Webhooks:RequireHttps"] = "false",
            ["Monitor:FeedsFile"] = "",
        };
        if (withStory) feed ??= StoryFeed.ShikotanAndUnrelated();
        if (feed is not null)
            all["Monitor:FeedUrls:0"] = feeds.Serve(FeedPath, FeedServerResponses.Feed(feed)).AbsoluteUri;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var logs = new CapturedLogs();
        var (app, address) = await LoopbackLocalHost.StartAsync(all, logs.AttachTo);
        var client = NewClient(address, ApiKey);
        return new ApiHost(app, client, dataDirectory, feeds, receiver, logs);
    }

    /// <summary>From now on, the host's feed serves <paramref name="rss"/>.</summary>
    public void ServeFeed(string rss) => Feeds.Serve(FeedPath, FeedServerResponses.Feed(rss));

    public static HttpClient NewClient(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Deadline };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("x-functions-key", apiKey);
        return client;
    }

    public HttpClient NewClient(string? apiKey) => NewClient(BaseAddress, apiKey);

    /// <summary>Files the host has stored under <paramref name="prefix"/> (a blob name prefix such as "subscriptions/").</summary>
    public IReadOnlyList<string> StoredBlobs(string prefix)
    {
        var blobs = Path.Combine(DataDirectory, "blobs");
        return Directory.Exists(blobs)
            ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(blobs, f).Replace('\\', '/'))
                .Where(f => f.Split('/', 2)[1].StartsWith(prefix, StringComparison.Ordinal))
                .ToArray()
            : [];
    }

    public static StringContent Json(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(path);
        return await ReadAsync(response, expected);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object? body, HttpStatusCode expected)
    {
        using var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates a subscription of the receiver's URL to <paramref name="topics"/>; returns its 201 answer.</summary>
    public Task<JsonElement> SubscribeAsync(params string[] topics) =>
        PostJsonAsync("api/subscriptions", new { url = Receiver.Url.AbsoluteUri, topics }, HttpStatusCode.Created);

    /// <summary>Waits until the loopback feed's story is stored as a match (the host polls it at start).</summary>
    public Task<JsonElement> WaitForMatchAsync(string topic = "shikotan") =>
        WaitForAsync($"api/matches?topic={topic}", list => list.GetArrayLength() > 0, $"a {topic} match");

    /// <summary>Waits until the delivery log of <paramref name="subscriptionId"/> satisfies <paramref name="condition"/>.</summary>
    public Task<JsonElement> WaitForDeliveriesAsync(string subscriptionId, Func<JsonElement, bool> condition, string what) =>
        WaitForAsync($"api/subscriptions/{subscriptionId}/deliveries", condition, what);

    /// <summary>Polls a GET until its JSON answer satisfies <paramref name="condition"/>, within <see cref="Deadline"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var answer = await GetJsonAsync(path);
            if (condition(answer)) return answer;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {Deadline.TotalSeconds} s for {what}; GET {path} answered {answer}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
