using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>One item of a <see cref="NewsFeed"/>.</summary>
public sealed record NewsStory(string Guid, string Title, string Link, string Description = "A report from the news desk.");

/// <summary>
/// An RSS 2.0 feed whose items a test changes while the monitor polls it. With <c>withETag</c>, every version of the
/// document has its own ETag and a request carrying the current one is answered 304 (see <see cref="FeedServerResponses.Feed"/>).
/// </summary>
public sealed class NewsFeed(string title, bool withETag = false)
{
    private readonly Lock _gate = new();
    private readonly List<NewsStory> _stories = [];
    private int _version = 1;

    /// <summary>The ETag of the current document, or null when the feed sends none.</summary>
    public string? ETag { get { lock (_gate) return withETag ? $"\"v{_version}\"" : null; } }

    public void Add(params NewsStory[] stories)
    {
        lock (_gate)
        {
            _stories.InsertRange(0, stories);
            _version++;
        }
    }

    /// <summary>The handler to give <see cref="FeedServer.Serve"/>: the current document, or 304 for the current ETag.</summary>
    public Task Serve(HttpContext context)
    {
        string body;
        string? etag;
        lock (_gate)
        {
            body = Render();
            etag = withETag ? $"\"v{_version}\"" : null;
        }

        return FeedServerResponses.Feed(body, etag: etag)(context);
    }

    private string Render()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>");
        xml.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(title)}</title><link>https://news.example/</link>");
        var published = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        foreach (var story in _stories)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><guid>{SecurityElement.Escape(story.Guid)}</guid><title>{SecurityElement.Escape(story.Title)}</title>")
                .Append(CultureInfo.InvariantCulture,
                    $"<link>{SecurityElement.Escape(story.Link)}</link><description>{SecurityElement.Escape(story.Description)}</description>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }
}
