using System.Globalization;
using System.Security;
using System.Text;

namespace NewsMonitor.Tests.Api;

/// <summary>Small RSS documents for the loopback feed server: one story about Shikotan (topic <c>shikotan</c>) and one about nothing watched.</summary>
internal static class StoryFeed
{
    public const string ShikotanTitle = "Fishermen return to Shikotan after the storm";
    public const string UnrelatedTitle = "Bakery wins a national bread award";
    public const string ShikotanLink = "https://news.example/shikotan-fishermen";

    public static string ShikotanAndUnrelated() => Rss(
        ("story-shikotan", ShikotanTitle, ShikotanLink),
        ("story-bakery", UnrelatedTitle, "https://news.example/bakery"));

    public static string Rss(params (string Guid, string Title, string Link)[] items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Loopback news</title><link>https://news.example/</link>");
        var published = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        foreach (var (guid, title, link) in items)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><guid>{SecurityElement.Escape(guid)}</guid><title>{SecurityElement.Escape(title)}</title><link>{SecurityElement.Escape(link)}</link>")
                .Append(CultureInfo.InvariantCulture, $"<description>{SecurityElement.Escape(title)}.</description><pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }
}
