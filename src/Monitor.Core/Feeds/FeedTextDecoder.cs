using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsMonitor.Feeds;

/// <summary>
/// Turns the bytes of a feed into text before any parser sees them. XML parsers trust the encoding
/// declaration blindly, but real feeds lie: servers send a charset, files carry a BOM, declarations name
/// encodings the bytes are not in. The order follows RFC 7303 (BOM, then the HTTP charset, then the XML
/// declaration), with WHATWG's aliases and a fallback to windows-1252 when bytes claimed as UTF-8 are not.
/// </summary>
internal static partial class FeedTextDecoder
{
    /// <summary>windows-1252, also the point where the code-page encodings (Shift_JIS, KOI8-R, Big5…) get registered.</summary>
    private static readonly Encoding Windows1252 = RegisterCodePagesAndGetWindows1252();

    private static Encoding RegisterCodePagesAndGetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Decodes <paramref name="content"/>; the returned text has no BOM character.</summary>
    public static string Decode(ReadOnlySpan<byte> content, string? httpCharset)
    {
        var (bomEncoding, bomLength) = DetectBom(content);
        if (bomEncoding is not null)
            return bomEncoding.GetString(content[bomLength..]);

        var family = DetectFamilyWithoutBom(content);
        if (family is not null)
        {
            // UTF-16/32 without a BOM: the declaration can only refine the byte order we already know.
            return family.GetString(content);
        }

        var declared = ReadDeclaredEncoding(content);
        var isValidUtf8 = Utf8.IsValid(content);
        foreach (var name in new[] { httpCharset, declared })
        {
            var encoding = ResolveAsciiCompatible(name);
            if (encoding is null) continue;
            // A UTF-8 label on bytes that are not UTF-8 is a lie; a label beside it may name the real encoding.
            if (encoding.CodePage == Encoding.UTF8.CodePage && !isValidUtf8) continue;
            return encoding.GetString(content);
        }

        return isValidUtf8 || IsMostlyUtf8(content) ? Encoding.UTF8.GetString(content) : Windows1252.GetString(content);
    }

    /// <summary>
    /// Tells UTF-8 with a few stray bytes (keep it, the strays become U+FFFD) from legacy single-byte text
    /// (windows-1252, where almost no high byte forms a valid UTF-8 sequence).
    /// </summary>
    private static bool IsMostlyUtf8(ReadOnlySpan<byte> content)
    {
        int multiByte = 0, invalid = 0;
        while (!content.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(content, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) invalid++;
            else if (consumed > 1) multiByte++;
            content = content[Math.Max(consumed, 1)..];
        }

        return multiByte > invalid;
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (Encoding.UTF32, 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    /// <summary>XML 1.0 appendix F: the first '&lt;' reveals UTF-16/32 and its byte order even without a BOM.</summary>
    private static Encoding? DetectFamilyWithoutBom(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4) return null;
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x3C) return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        if (b[0] == 0x3C && b[1] == 0 && b[2] == 0 && b[3] == 0) return Encoding.UTF32;
        if (b[0] == 0 && b[1] == 0x3C && b[2] == 0) return Encoding.BigEndianUnicode;
        if (b[0] == 0x3C && b[1] == 0 && b[3] == 0) return Encoding.Unicode;
        return null;
    }

    private static string? ReadDeclaredEncoding(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 512)]);
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// Maps a charset label to an encoding that can decode ASCII-compatible bytes. A label naming UTF-16/32
    /// is a lie once we know the bytes are ASCII-compatible, so it is ignored; Latin-1 and US-ASCII labels
    /// mean windows-1252 in practice (the WHATWG Encoding Standard says the same).
    /// </summary>
    internal static Encoding? ResolveAsciiCompatible(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name)) return null;
        if (name.StartsWith("utf-16", StringComparison.Ordinal) || name.StartsWith("utf-32", StringComparison.Ordinal)
            || name is "utf16" or "utf32" or "ucs-2" or "ucs-4" or "unicode")
            return null;
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "l1" or "cp1252")
            return Windows1252;
        return GetEncodingOrNull(name);
    }

    private static Encoding? GetEncodingOrNull(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<name>[A-Za-z0-9._:\-]+)["']""")]
    private static partial Regex XmlDeclarationEncoding();
}
