using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Finds the people an article quotes or names with a title ("Prime Minister Shinzo Abe", "editor Chen Yang",
/// "Chen says"): useful context, but rarely what a watch topic is about, so the deriver ranks them lower.
/// </summary>
internal static partial class PersonNames
{
    /// <summary>Lower-case words that are (part of) a person's name in <paramref name="text"/>.</summary>
    public static HashSet<string> Find(string text)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Titled().Matches(text))
        {
            foreach (var word in m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) people.Add(word.ToLowerInvariant());
        }
        foreach (Match m in Reporting().Matches(text)) people.Add(m.Groups["name"].Value.ToLowerInvariant());
        foreach (Match m in RussianTitled().Matches(text))
        {
            foreach (var word in m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) people.Add(word.ToLowerInvariant());
        }
        foreach (Match m in RussianReporting().Matches(text)) people.Add(m.Groups["name"].Value.ToLowerInvariant());
        return people;
    }

    [GeneratedRegex(@"\b(?:President|Prime Minister|Minister|Premier|Chancellor|Secretary|Spokesman|Spokeswoman|Ambassador|editor|columnist|correspondent|professor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+(?<name>(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)")]
    private static partial Regex Titled();

    [GeneratedRegex(@"(?:министр|президент|премьер|глава|пресс-секретарь|представитель|посол|спикер)[а-яё\s]{0,40}?\s(?<name>[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+)")]
    private static partial Regex RussianTitled();

    [GeneratedRegex(@"(?<name>[А-ЯЁ][а-яё]+)\s+(?:заявил|заявила|сказал|сказала|напомнил|напомнила|отметил|отметила|подчеркнул|подчеркнула|считает|сообщил|сообщила)\b")]
    private static partial Regex RussianReporting();

    [GeneratedRegex(@"\b(?<name>[A-Z][a-z]+)\s+(?:says|said|reports|reported|believes|points out|insists|argues|told|wrote|added|stressed|noted|tries|has worked)\b")]
    private static partial Regex Reporting();
}
