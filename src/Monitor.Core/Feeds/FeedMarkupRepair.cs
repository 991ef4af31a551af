using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsMonitor.Feeds;

/// <summary>
/// Rewrites decoded feed text so that a strict XML parser accepts what feed readers are expected to accept,
/// and nothing dangerous reaches it:
/// the DOCTYPE is removed (no DTD is ever processed: no XXE, no billion laughs), HTML entities such as
/// <c>&amp;nbsp;</c> become numeric references, unknown entities and bare ampersands become text, characters
/// XML forbids are dropped, and the XML declaration goes (the text is already decoded, so its encoding
/// label can only mislead). Comments and CDATA sections are copied untouched.
/// </summary>
internal static partial class FeedMarkupRepair
{
    /// <summary>Internal entities whose value is longer than this are dropped rather than expanded.</summary>
    private const int MaxInternalEntityLength = 1024;

    private static readonly HashSet<string> XmlPredefinedEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string Repair(string text)
    {
        var output = new StringBuilder(text.Length + 64);
        Dictionary<string, string>? internalEntities = null;
        var i = SkipXmlDeclaration(text, SkipWhitespace(text, 0));
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                if (StartsWith(text, i, "<!--")) i = CopyThrough(text, i, "-->", output);
                else if (StartsWith(text, i, "<![CDATA[")) i = CopyThrough(text, i, "]]>", output);
                else if (StartsWithIgnoreCase(text, i, "<!DOCTYPE")) i = SkipDoctype(text, i, ref internalEntities);
                else if (IsXmlDeclaration(text, i) && text.IndexOf("?>", i, StringComparison.Ordinal) is var end and >= 0) i = end + 2; // misplaced after a comment or junk
                else { output.Append(c); i++; }
            }
            else if (c == '&')
            {
                i = RepairReference(text, i, internalEntities, output);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[i + 1]);
                i += 2;
            }
            else
            {
                if (XmlConvert.IsXmlChar(c)) output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')) i++;
        return i;
    }

    private static bool IsXmlDeclaration(string text, int i) =>
        StartsWith(text, i, "<?xml") && i + 5 < text.Length && char.IsWhiteSpace(text[i + 5]);

    private static int SkipXmlDeclaration(string text, int i)
    {
        if (!IsXmlDeclaration(text, i)) return i;
        var end = text.IndexOf("?>", i, StringComparison.Ordinal);
        return end < 0 ? i : end + 2;
    }

    private static int CopyThrough(string text, int start, string terminator, StringBuilder output)
    {
        var end = text.IndexOf(terminator, start, StringComparison.Ordinal);
        var stop = end < 0 ? text.Length : end + terminator.Length;
        for (var i = start; i < stop; i++)
            if (XmlConvert.IsXmlChar(text[i]) || char.IsSurrogate(text[i])) output.Append(text[i]);
        return stop;
    }

    /// <summary>
    /// Skips the whole DOCTYPE, including an internal subset in brackets. Internal entities with a plain
    /// literal value (no references, so no expansion chains) are remembered so references to them keep
    /// their text; everything else a DTD can do is discarded.
    /// </summary>
    private static int SkipDoctype(string text, int start, ref Dictionary<string, string>? entities)
    {
        var i = start + "<!DOCTYPE".Length;
        char? quote = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '[')
            {
                var close = FindSubsetEnd(text, i + 1);
                ReadInternalEntities(text.AsSpan(i + 1, close - i - 1), ref entities);
                i = close; // on the ']' (or past the end when the subset never closes)
            }
            else if (c == '>') return i + 1;
            i++;
        }

        return text.Length;
    }

    private static int FindSubsetEnd(string text, int i)
    {
        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == ']') return i;
        }

        return text.Length;
    }

    private static void ReadInternalEntities(ReadOnlySpan<char> subset, ref Dictionary<string, string>? entities)
    {
        foreach (Match match in InternalEntityDeclaration().Matches(subset.ToString()))
        {
            var value = match.Groups["value"].Value;
            if (value.Length > MaxInternalEntityLength || value.Contains('&') || value.Contains('%')) continue;
            entities ??= new Dictionary<string, string>(StringComparer.Ordinal);
            entities.TryAdd(match.Groups["name"].Value, value);
        }
    }

    [GeneratedRegex("""<!ENTITY\s+(?<name>[A-Za-z_][\w.\-]*)\s+(?:"(?<value>[^"]*)"|'(?<value>[^']*)')\s*>""", RegexOptions.CultureInvariant)]
    private static partial Regex InternalEntityDeclaration();

    private static int RepairReference(string text, int start, Dictionary<string, string>? internalEntities, StringBuilder output)
    {
        var semicolon = text.IndexOf(';', start + 1, Math.Min(40, text.Length - start - 1));
        if (semicolon < 0)
        {
            output.Append("&amp;");
            return start + 1;
        }

        var name = text.AsSpan(start + 1, semicolon - start - 1);
        var next = semicolon + 1;
        if (name.Length > 1 && name[0] == '#')
        {
            if (TryParseCharacterReference(name[1..], out var codePoint))
            {
                // Written out again in decimal: XML rejects "&#X41;", which HTML accepts.
                if (IsXmlCodePoint(codePoint)) output.Append("&#").Append(codePoint).Append(';');
                return next;
            }
        }
        else if (IsXmlName(name))
        {
            var key = name.ToString();
            if (XmlPredefinedEntities.Contains(key))
            {
                output.Append(text, start, next - start);
                return next;
            }

            if (internalEntities is not null && internalEntities.TryGetValue(key, out var value))
            {
                AppendEscaped(value, output);
                return next;
            }

            var decoded = WebUtility.HtmlDecode($"&{key};");
            if (decoded.Length > 0 && decoded[0] != '&')
            {
                foreach (var rune in decoded.EnumerateRunes())
                    output.Append("&#").Append(rune.Value).Append(';');
                return next;
            }

            // Unknown entity: keep what the publisher wrote, as text.
            output.Append("&amp;").Append(name).Append(';');
            return next;
        }

        output.Append("&amp;");
        return start + 1;
    }

    private static bool TryParseCharacterReference(ReadOnlySpan<char> digits, out int codePoint)
    {
        if (digits.Length > 1 && (digits[0] == 'x' || digits[0] == 'X'))
            return int.TryParse(digits[1..], System.Globalization.NumberStyles.AllowHexSpecifier, null, out codePoint);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, null, out codePoint);
    }

    private static bool IsXmlCodePoint(int cp) =>
        cp is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;

    private static bool IsXmlName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_' || name[0] == ':')) return false;
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c is '_' or ':' or '.' or '-')) return false;
        return true;
    }

    private static void AppendEscaped(string value, StringBuilder output)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                default: if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) output.Append(c); break;
            }
        }
    }

    private static bool StartsWith(string text, int i, string prefix) =>
        string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0;

    private static bool StartsWithIgnoreCase(string text, int i, string prefix) =>
        string.Compare(text, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
