using System.Net;
using System.Text.RegularExpressions;

namespace NewsMonitor.Alerts;

/// <summary>
/// Turns feed HTML into the plain text alerts carry: receivers render alerts in chat messages and e-mails where
/// markup from arbitrary feeds would be noise at best and an injection at worst.
/// </summary>
internal static partial class HtmlText
{
    private const string Ellipsis = "…";

    public static string ToPlainText(string html)
    {
        var text = ScriptOrStyleOrComment().Replace(html, " ");
        // Block tags separate words; inline ones (<b>, <a>, <em>...) do not, as in a browser: no "treaty , formally".
        text = Tag().Replace(text, tag => Matching.HtmlText.IsInlineTag(tag.ValueSpan[1..^1]) ? "" : " ");
        // Decoding after removing tags keeps an escaped "&lt;b&gt;" as visible text instead of turning it into markup to strip.
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Cuts at the last word boundary within <paramref name="maxLength"/> characters and marks the cut.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength - Ellipsis.Length);
        if (cut <= 0) cut = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + Ellipsis;
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyleOrComment();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
