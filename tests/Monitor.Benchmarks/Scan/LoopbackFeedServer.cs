using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Benchmarks.Scan;

/// <summary>
/// One Kestrel server on 127.0.0.1 (free port) serving <c>/feeds/{i}.rss</c>: RSS 2.0 feeds of news-like items built
/// once in memory, each with exactly one item about Shikotan, so every run can check that all feeds were matched.
/// </summary>
public sealed class LoopbackFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[][] _feeds;
    private long _requests;

    private LoopbackFeedServer(WebApplication app, byte[][] feeds)
    {
        _app = app;
        _feeds = feeds;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public long Requests => Interlocked.Read(ref _requests);

    public int FeedBytes => _feeds.Sum(f => f.Length) / _feeds.Length;

    public IReadOnlyList<string> FeedUrls => Enumerable.Range(0, _feeds.Length).Select(i => new Uri(BaseAddress, $"feeds/{i}.rss").ToString()).ToArray();

    public static async Task<LoopbackFeedServer> StartAsync(int feedCount, int itemsPerFeed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackFeedServer(builder.Build(), Enumerable.Range(0, feedCount).Select(i => Feed(i, itemsPerFeed)).ToArray());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/feeds/", StringComparison.Ordinal) || !path.EndsWith(".rss", StringComparison.Ordinal)
            || !int.TryParse(path["/feeds/".Length..^".rss".Length], CultureInfo.InvariantCulture, out var i) || i < 0 || i >= _feeds.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = _feeds[i].Length;
        await context.Response.Body.WriteAsync(_feeds[i], context.RequestAborted);
    }

    /// <summary>Feed <paramref name="index"/>: item 0 is about Shikotan, the others are ordinary news (~1 KB each).</summary>
    private static byte[] Feed(int index, int items)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed {index}</title><link>https://news.example/{index}/</link>");
        var published = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < items; n++)
        {
            var title = n == 0 ? $"Ferry service to Shikotan resumes, feed {index}" : $"City council approves budget item {n} of feed {index}";
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid>feed{index}-{n}</guid><title>{title}</title><link>https://news.example/{index}/{n}</link>")
                .Append("<description>")
                .Append(string.Concat(Enumerable.Repeat("Officials said the plan would be reviewed next month after a public hearing in the regional assembly. ", 8)))
                .Append("</description><pubDate>").Append(published.AddMinutes(-n).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
