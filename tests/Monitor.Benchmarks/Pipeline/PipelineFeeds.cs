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

    public string Url(string name) => new Uri(BaseAddress, $"feeds/{name}.rss").ToString();

    /// <summary>Serves feed <paramref name="name"/> with items <paramref name="first"/>..first+count-1 (newest first).</summary>
    public string Set(string name, int first, int count, DateTimeOffset? published = null)
    {
        var body = Document(name, first, count, published ?? DateTimeOffset.UtcNow);
        feeds[name] = (body, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16]}\"");
        return Url(name);
    }

    /// <summary>Whether item <paramref name="n"/> of a feed matches the two matching topics.</summary>
    public static bool Matches(int n) => n % 3 == 0;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/feeds/", StringComparison.Ordinal) || !path.EndsWith(".rss", StringComparison.Ordinal)
            || !feeds.TryGetValue(path["/feeds/".Length..^".rss".Length], out var feed))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
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

    private static byte[] Document(string name, int first, int count, DateTimeOffset published)
    {
        var xml = new StringBuilder(count * 700 + 256);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench {SecurityElement.Escape(name)}</title><link>https://bench.example/{name}/</link>");
        for (var n = first + count - 1; n >= first; n--)
        {
            // Two numbers per title: no two titles share 80 % of their words, so the story registry merges none of them.
            var title = $"{Word(n, 0)} {Word(n, 1)} {Word(n, 2)} {Word(n, 3)} report {n} ref {n * 7 + 3} from {name}";
            var summary = "Officials said the plan would be reviewed next month after a public hearing in the regional assembly. ";
            if (Matches(n))
            {
                title = "Shikotan " + title;
                summary += "Residents of the Habomai islets were consulted. ";
            }
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{name}-{n}</guid><title>{title}</title><link>https://bench.example/{name}/{n}</link>")
                .Append("<description>").Append(summary).Append(summary).Append(summary)
                .Append("</description><pubDate>").Append(published.AddSeconds(-(first + count - n)).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
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
