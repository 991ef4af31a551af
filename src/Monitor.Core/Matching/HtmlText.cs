using System.Runtime.CompilerServices;
using System.Net;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>Turns feed HTML into the plain text a reader sees: tags removed (script and style bodies too), entities decoded.</summary>
public static class HtmlText
{
    /// <summary>The plain text of <paramref name="html"/>; text without '&lt;' or '&amp;' is returned as is.</summary>
    public static string ToPlainText(string? html)
    {
        // Most calls (every term of every topic when topics compile) have no markup: no buffers for them.
        if (string.IsNullOrEmpty(html) || html.AsSpan().IndexOfAny('<', '&') < 0) return html ?? "";
        var buffer = new PlainTextBuffer();
        buffer.Set(html);
        return buffer.ToString();
    }

    /// <summary>Writes the plain text of <paramref name="html"/> into <paramref name="output"/> (which must be at least as long) and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    internal static int StripAndDecode(ReadOnlySpan<char> html, Span<char> output)
    {
        var n = 0;
        var i = 0;
        while (i < html.Length)
        {
            // Copy the text up to the next markup character in one go.
            var run = html[i..].IndexOfAny('<', '&');
            if (run < 0) run = html.Length - i;
            html.Slice(i, run).CopyTo(output[n..]);
            n += run;
            i += run;
            if (i == html.Length) break;
            var c = html[i];
            if (c == '<' && IsTagStart(html, i))
            {
                var close = html[(i + 1)..].IndexOf('>');
                if (close < 0) break; // an unterminated tag: the rest is markup, not text
                // A block tag separates words ("<p>a</p><p>b</p>" must not read "ab"); an inline one does not, as in a
                // browser ("<b>peace treaty</b>, formally" must not read "peace treaty , formally").
                if (!IsInlineTag(html[(i + 1)..(i + 1 + close)])) output[n++] = ' ';
                i = SkipRawTextElement(html, i, i + 1 + close) + 1;
                continue;
            }
            if (c == '&' && TryDecodeEntity(html[i..], output[n..], out var consumed, out var written))
            {
                i += consumed;
                n += written;
                continue;
            }
            output[n++] = c;
            i++;
        }
        return n;
    }

    private static readonly string[] InlineTags =
        ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp",
         "small", "span", "strong", "sub", "sup", "time", "u", "var"];

    /// <summary>Whether the tag between '&lt;' and '&gt;' (such as "b", "/em", "a href=...") opens or closes an inline element.</summary>
    internal static bool IsInlineTag(ReadOnlySpan<char> tag)
    {
        if (tag.StartsWith("/")) tag = tag[1..];
        var nameLength = 0;
        while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength])) nameLength++;
        var name = tag[..nameLength];
        foreach (var inline in InlineTags)
        {
            if (name.Equals(inline, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>True if decoded text still holds markup (feeds that double-escape HTML: &amp;lt;p&amp;gt;).</summary>
    internal static bool HasTag(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('<'); i >= 0; i = text[(i + 1)..].IndexOf('<') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (IsTagStart(text, i)) return true;
        }
        return false;
    }

    private static bool IsTagStart(ReadOnlySpan<char> s, int i) =>
        i + 1 < s.Length && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?');

    /// <summary>For &lt;script&gt; and &lt;style&gt;, the index of the closing tag's '&gt;', so their bodies are not read as text.</summary>
    private static int SkipRawTextElement(ReadOnlySpan<char> html, int tagStart, int tagEnd)
    {
        var tag = html[(tagStart + 1)..tagEnd];
        foreach (var name in RawTextElements)
        {
            if (!tag.StartsWith(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (tag.Length > name.Length && char.IsAsciiLetterOrDigit(tag[name.Length])) continue;
            var end = html[tagEnd..].IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
            if (end < 0) return html.Length - 1;
            var close = html[(tagEnd + end)..].IndexOf('>');
            return close < 0 ? html.Length - 1 : tagEnd + end + close;
        }
        return tagEnd;
    }

    private static readonly string[] RawTextElements = ["script", "style"];

    /// <summary>Decodes one entity at the start of <paramref name="text"/>: numeric, common named ones inline, others through WebUtility.</summary>
    private static bool TryDecodeEntity(ReadOnlySpan<char> text, Span<char> output, out int consumed, out int written)
    {
        consumed = written = 0;
        var semicolon = text[..Math.Min(text.Length, 34)].IndexOf(';');
        if (semicolon < 2) return false;
        var body = text[1..semicolon];
        if (body[0] == '#')
        {
            var hex = body.Length > 1 && body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, null, out var code)
                || !Rune.TryCreate(code, out var rune)) return false;
            written = rune.EncodeToUtf16(output);
        }
        else if (CommonEntities.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(body, out var decoded))
        {
            output[0] = decoded;
            written = 1;
        }
        else
        {
            var entity = text[..(semicolon + 1)].ToString();
            var other = WebUtility.HtmlDecode(entity);
            if (other == entity || other.Length > entity.Length) return false;
            other.AsSpan().CopyTo(output);
            written = other.Length;
        }
        consumed = semicolon + 1;
        return true;
    }

    private static readonly Dictionary<string, char> CommonEntities = new(StringComparer.Ordinal)
    {
        ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = '\u00A0',
        ["mdash"] = '—', ["ndash"] = '–', ["hellip"] = '…', ["laquo"] = '«', ["raquo"] = '»',
        ["lsquo"] = '‘', ["rsquo"] = '’', ["ldquo"] = '“', ["rdquo"] = '”', ["middot"] = '·',
    };
}
