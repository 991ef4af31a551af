using System.Net;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>Turns feed HTML into the plain text a reader sees: tags removed, entities decoded.</summary>
public static class HtmlText
{
    /// <summary>Strips tags (dropping script/style bodies) and decodes entities; text without '&lt;' or '&amp;' is returned as is.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return string.Empty;
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return html;
        var decoded = WebUtility.HtmlDecode(StripTags(html));
        // Feeds often double-escape HTML (&lt;p&gt;): after decoding, real tags may appear; strip those too.
        return decoded.Contains('<') ? StripTags(decoded) : decoded;
    }

    private static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && IsTagStart(html, i))
            {
                var close = html.IndexOf('>', i + 1);
                if (close < 0) break;
                var skipTo = SkipRawTextElement(html, i, close);
                // A tag separates words ("<p>a</p><p>b</p>" must not read "ab").
                sb.Append(' ');
                i = skipTo + 1;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsTagStart(string s, int i) =>
        i + 1 < s.Length && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?');

    /// <summary>For &lt;script&gt; and &lt;style&gt;, returns the index of the closing tag's '&gt;' so their bodies are not read as text.</summary>
    private static int SkipRawTextElement(string html, int tagStart, int tagEnd)
    {
        foreach (var name in RawTextElements)
        {
            var tag = html.AsSpan(tagStart + 1, tagEnd - tagStart - 1);
            if (!tag.StartsWith(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (tag.Length > name.Length && char.IsAsciiLetterOrDigit(tag[name.Length])) continue;
            var end = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
            if (end < 0) return html.Length - 1;
            var close = html.IndexOf('>', end);
            return close < 0 ? html.Length - 1 : close;
        }
        return tagEnd;
    }

    private static readonly string[] RawTextElements = ["script", "style"];
}
