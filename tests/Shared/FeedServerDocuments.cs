using System.Globalization;
using System.Text;

namespace NewsMonitor.Testing;

/// <summary>Feed documents generated for <see cref="FeedServer"/>: as many items as a test needs, with predictable ids.</summary>
public static class FeedServerDocuments
{
    /// <summary>An RSS 2.0 feed whose item <c>i</c> has guid "{prefix}-{i}", title "{prefix} story {i}" and link ".../{prefix}/{i}".</summary>
    public static string Rss(int itemCount, string prefix = "item", string? extraChannelElements = null)
    {
        var xml = new StringBuilder(200 + itemCount * 300);
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>")
            .Append("<title>").Append(prefix).Append(" feed</title><link>https://news.example/</link>")
            .Append(extraChannelElements);
        var published = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < itemCount; i++)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><title>{prefix} story {i}</title><link>https://news.example/{prefix}/{i}</link><guid>{prefix}-{i}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<description>Report number {i} from {prefix}.</description>")
                .Append("<pubDate>").Append(published.AddMinutes(-i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }
}
