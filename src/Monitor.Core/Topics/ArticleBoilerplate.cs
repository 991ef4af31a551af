using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Removes what a publisher wraps around every article, so the deriver does not propose it as a topic: the masthead
/// line above the headline ("Executive Intelligence Review"), the dateline's agency code ("Nov. 20, 2018 (EIRNS)—",
/// "MOSCOW (Reuters) -"), and copyright, subscription and sharing lines.
/// </summary>
internal static partial class ArticleBoilerplate
{
    private const int MaxHeadlineWords = 20;

    public static string Strip(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        var second = first < 0 ? -1 : lines.FindIndex(first + 1, l => l.Trim().Length > 0);
        // A short unpunctuated line followed by another line that is not a sentence either: the masthead above the headline.
        if (second > first && IsTitleLike(lines[first]) && IsTitleLike(lines[second])) lines[first] = "";
        for (var i = 0; i < lines.Count; i++)
        {
            if (FooterLine().IsMatch(lines[i])) lines[i] = "";
            else lines[i] = SlashDateline().Replace(Dateline().Replace(lines[i], ""), "");
        }
        return string.Join('\n', lines);
    }

    private static bool IsTitleLike(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadlineWords && !trimmed.EndsWith('.') && !trimmed.EndsWith('。');
    }

    /// <summary>The opening dateline: a date or place, then an agency code in parentheses, then a dash.</summary>
    [GeneratedRegex(@"^\s*[^\n()]{0,60}\(\s*[A-Z][A-Za-z\-\.]{1,20}\s*\)\s*[—–-]+\s*")]
    private static partial Regex Dateline();

    /// <summary>The Russian agencies' dateline: "МОСКВА, 14 января. /ТАСС/."</summary>
    [GeneratedRegex(@"^\s*[^\n/]{0,60}/\s*[\p{Lu}\-]{2,20}\s*/\.?\s*")]
    private static partial Regex SlashDateline();

    [GeneratedRegex(@"(?i)^\s*(©|\(c\)\s|copyright\b|all rights reserved|subscribe\b|sign up\b|share this\b|read more\b|follow us\b|click here\b)")]
    private static partial Regex FooterLine();
}
