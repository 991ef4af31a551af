using System.Globalization;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// The one normalisation applied to both item text and query terms, so that they compare equal:
/// HTML stripped and entities decoded, Unicode NFKC (full-width Latin becomes ASCII), lower case,
/// diacritics folded (é→e, ё→е), and every run of non-letters turned into a single space.
/// CJK characters are kept as they are: terms in CJK scripts match as substrings.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/> (which may hold HTML) to the form terms are matched in.</summary>
    public static string Normalize(string? text)
    {
        var builder = _builder ??= new NormalizedTextBuilder();
        builder.Clear();
        builder.Append(HtmlText.ToPlainText(text));
        return builder.ToString();
    }

    [ThreadStatic] private static NormalizedTextBuilder? _builder; // reused: topic compilation normalises every term

    /// <summary>True for characters of scripts written without spaces between words (Han, kana, Hangul), matched as substrings.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') // hiragana, katakana
            or (>= '\u3005' and <= '\u3007') // 々 〆 〇
            or (>= '\u31F0' and <= '\u31FF') // katakana phonetic extensions
            or (>= '\u3400' and <= '\u4DBF') // CJK extension A
            or (>= '\u4E00' and <= '\u9FFF') // CJK unified ideographs
            or (>= '\uF900' and <= '\uFAFF') // CJK compatibility ideographs
            or (>= '\uAC00' and <= '\uD7AF') // Hangul syllables
            or (>= '\u1100' and <= '\u11FF') // Hangul jamo
            or (>= '\u3130' and <= '\u318F') // Hangul compatibility jamo
            or (>= '\uD800' and <= '\uDFFF'); // surrogates: only letters (CJK extensions B+) survive normalisation

    /// <summary>What one character becomes; ' ' stands for a word break. Computed once per character.</summary>
    internal static string Fold(char c)
    {
        if (c < 128) return AsciiFold[c];
        return FoldTable[c] ??= ComputeFold(c);
    }

    private static readonly string[] AsciiFold = Enumerable.Range(0, 128)
        .Select(i => (char)i)
        .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : " ")
        .ToArray();

    private static readonly string?[] FoldTable = new string?[char.MaxValue + 1];

    private static string ComputeFold(char c)
    {
        if (char.IsSurrogate(c)) return " "; // pairs are handled by the builder; a lone surrogate is noise
        if (SpecialFolds.TryGetValue(c, out var special)) return special;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (ch is >= '\u0300' and <= '\u036F') continue; // combining diacritics: folded away
            if (SpecialFolds.TryGetValue(ch, out var inner)) sb.Append(inner);
            else if (char.IsLetterOrDigit(ch) || IsKeptMark(ch)) sb.Append(ch);
            else sb.Append(' ');
        }
        // Recompose what NFD split but must stay whole: Hangul syllables, kana with (semi-)voiced marks.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsKeptMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Folds that neither NFKC nor diacritic removal perform, so "Straße" and "strasse" compare equal.</summary>
    private static readonly Dictionary<char, string> SpecialFolds = new()
    {
        ['ß'] = "ss", ['ẞ'] = "ss", ['ς'] = "σ", ['œ'] = "oe", ['Œ'] = "oe", ['æ'] = "ae", ['Æ'] = "ae",
        ['ø'] = "o", ['Ø'] = "o", ['ł'] = "l", ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['ı'] = "i",
    };
}
