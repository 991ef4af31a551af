using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// A Kestrel server on 127.0.0.1 serving <c>/feeds/{name}.rss</c>: RSS 2.0 documents set by the harness, with an ETag
/// so an unchanged feed answers 304. Items are news-like (~600 bytes); every third one names Shikotan in its title and
/// Habomai in its summary, so it matches the benchmark's two matching topics (<see cref="TopicsJson"/>).
/// </summary>
public sealed class PipelineFeeds : IAsyncDisposable
{
    private static readonly string[] Words =
    [
        "council", "budget", "harbour", "ferry", "weather", "school", "market", "railway", "bridge", "festival", "museum", "hospital",
        "election", "energy", "fishing", "airport", "library", "tourism", "housing", "forest", "river", "mayor", "court", "police",
        "storm", "harvest", "concert", "stadium", "factory", "village", "island", "coast", "winter", "summer", "record", "plan",
    ];

    private readonly ConcurrentDictionary<string, (byte[] Body, string ETag)> feeds = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long requests;
    private long alerts;
    private readonly ConcurrentQueue<ReceivedAlert> received = new();
    private readonly SemaphoreSlim alertSignal = new(0);
    private readonly ConcurrentDictionary<string, long> feedRequests = new(StringComparer.Ordinal);

    private PipelineFeeds(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Two matching topics (<c>bench-shikotan</c>, <c>bench-habomai</c>) and eight that never match.</summary>
    public static string TopicsJson =>
        "[" + string.Join(",", new[] { ("bench-shikotan", "shikotan OR шикотан*"), ("bench-habomai", "habomai OR 歯舞") }
            .Concat(Enumerable.Range(0, 8).Select(i => ($"bench-quiet-{i}", $"\"quiet topic {i}\" OR zyzzyva{i}")))
            .Select(t => $$"""{"id":"{{t.Item1}}","name":"{{t.Item1}}","query":"{{t.Item2.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""")) + "]";

    public static async Task<PipelineFeeds> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => { kestrel.Listen(IPAddress.Loopback, 0); kestrel.Limits.MaxResponseBufferSize = null; });
        var server = new PipelineFeeds(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A webhook receiver that accepts every alert (and counts them).</summary>
    public string AlertsUrl => new Uri(BaseAddress, "alerts").ToString();

    public long AlertsReceived => Interlocked.Read(ref alerts);

    /// <summary>Every alert received, with its arrival (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    public IReadOnlyCollection<ReceivedAlert> Alerts => received;

    /// <summary>Waits until <paramref name="total"/> alerts have arrived in all, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForAlertsAsync(long total, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (AlertsReceived < total && clock.Elapsed < timeout)
            await alertSignal.WaitAsync(timeout - clock.Elapsed);
    }

    /// <summary>GET requests per feed name so far.</summary>
    public IReadOnlyDictionary<string, long> FeedRequests => feedRequests;

    public string Url(string name) => new Uri(BaseAddress, $"feeds/{name}.rss").ToString();

    /// <summary>Serves feed <paramref name="name"/> with items <paramref name="first"/>..first+count-1 (newest first).</summary>
    public string Set(string name, int first, int count, DateTimeOffset? published = null) =>
        Set(name, Enumerable.Range(first, count).Reverse().ToArray(), published);

    /// <summary>Serves feed <paramref name="name"/> with the items numbered <paramref name="numbers"/>, in that order.</summary>
    /// <param name="sharedStory">When set, the feed also carries a story with this id whose link is the same in every feed.</param>
    public string Set(string name, IReadOnlyList<int> numbers, DateTimeOffset? published = null, string? sharedStory = null)
    {
        var body = Document(name, numbers, published ?? DateTimeOffset.UtcNow, sharedStory);
        feeds[name] = (body, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16]}\"");
        return Url(name);
    }

    /// <summary>Whether item <paramref name="n"/> of a feed matches the two matching topics.</summary>
    public static bool Matches(int n) => n % 3 == 0;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var path = context.Request.Path.Value ?? "";
        if (path == "/alerts" && HttpMethods.IsPost(context.Request.Method))
        {
            var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            Interlocked.Increment(ref alerts);
            alertSignal.Release();
            received.Enqueue(new ReceivedAlert(arrived, context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(), context.Request.Headers["webhook-signature"].ToString(), body));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (!path.StartsWith("/feeds/", StringComparison.Ordinal) || !path.EndsWith(".rss", StringComparison.Ordinal)
            || !feeds.TryGetValue(path["/feeds/".Length..^".rss".Length], out var feed))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        feedRequests.AddOrUpdate(path["/feeds/".Length..^".rss".Length], 1, (_, c) => c + 1);
        context.Response.Headers.ETag = feed.ETag;
        if (context.Request.Headers.IfNoneMatch == feed.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = feed.Body.Length;
        await context.Response.Body.WriteAsync(feed.Body, context.RequestAborted);
    }

    /// <summary>The link of item <paramref name="n"/> of feed <paramref name="name"/>.</summary>
    public static string ItemLink(string name, int n) => $"https://bench.example/{name}/{n}";

    /// <summary>The link of the story <paramref name="id"/> that several feeds carry.</summary>
    public static string SharedStoryLink(string id) => $"https://wire.example/stories/{id}";

    private static byte[] Document(string name, IReadOnlyList<int> numbers, DateTimeOffset published, string? sharedStory)
    {
        var xml = new StringBuilder(numbers.Count * 700 + 256);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench {SecurityElement.Escape(name)}</title><link>https://bench.example/{name}/</link>");
        for (var position = 0; position < numbers.Count; position++)
        {
            var n = numbers[position];
            // Two numbers per title: no two titles share 80 % of their words, so the story registry merges none of them.
            var title = $"{Word(n, 0)} {Word(n, 1)} {Word(n, 2)} {Word(n, 3)} report {n} ref {n * 7 + 3} from {name}";
            var summary = "Officials said the plan would be reviewed next month after a public hearing in the regional assembly. ";
            if (Matches(n))
            {
                title = "Shikotan " + title;
                summary += "Residents of the Habomai islets were consulted. ";
            }
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{name}-{n}</guid><title>{title}</title><link>{ItemLink(name, n)}</link>")
                .Append("<description>").Append(summary).Append(summary).Append(summary)
                .Append("</description><pubDate>").Append(published.AddSeconds(-position).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }
        if (sharedStory is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{name}-{sharedStory}</guid><title>Shikotan wire story {sharedStory} as carried by {name}</title>")
                .Append(CultureInfo.InvariantCulture, $"<link>{SharedStoryLink(sharedStory)}</link><description>Habomai and Shikotan, the wire story of the day.</description></item>");
        }
        xml.Append("</channel></rss>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    // Mixed radix over the vocabulary: consecutive items share at most two of these four words.
    private static string Word(int n, int position)
    {
        var value = (uint)(n * 2654435761u) ^ (uint)(position * 40503);
        return Words[(int)((value >> (position * 5)) % (uint)Words.Length)];
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One alert as the loopback receiver got it.</summary>
public sealed record ReceivedAlert(long ArrivedAt, string Id, string Timestamp, string Signature, string Body)
{
    /// <summary>Checks the Standard Webhooks signature with <paramref name="secret"/> (whsec_...), as README "Receiving alerts" says.</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Contains(expected, StringComparer.Ordinal);
    }

    public string ItemLink => System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("data").GetProperty("item").GetProperty("link").GetString()!;
}
