using System.Text;
using NewsMonitor.Matching;

namespace NewsMonitor.Alerts;

/// <summary>
/// The one sentence that tells a person why a story matched a topic — <c>Matched Shikotan island: "shikotan" in the
/// title</c> — built from the match's hits. Every channel uses it (the webhook's <c>data.why</c>, chat and e-mail
/// messages, the CLI), so a reader sees the same reason everywhere.
/// </summary>
public static class AlertWhy
{
    /// <summary>E.g. <c>Matched Peace treaty: "peace treaty" and "japan" in the title, "russia" in the summary</c>.</summary>
    public static string Sentence(TopicMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Sentence(match.TopicName, match.Hits);
    }

    public static string Sentence(string topicName, IReadOnlyList<TermHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var text = new StringBuilder("Matched ").Append(topicName);
        // Fields in the order their first hit was found; within a field, each term once, in order.
        var fields = hits.Select(h => h.Field).Distinct(StringComparer.Ordinal).ToArray();
        if (fields.Length == 0) return text.ToString();
        text.Append(": ");
        for (var f = 0; f < fields.Length; f++)
        {
            if (f > 0) text.Append(f == fields.Length - 1 ? " and " : ", ");
            var terms = hits.Where(h => h.Field == fields[f]).Select(h => $"\"{h.Term}\"").Distinct(StringComparer.Ordinal).ToArray();
            text.Append(JoinWords(terms)).Append(" in the ").Append(fields[f]);
        }
        return text.ToString();
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string JoinWords(IReadOnlyList<string> words) =>
        words.Count <= 1 ? string.Concat(words) : $"{string.Join(", ", words.Take(words.Count - 1))} and {words[^1]}";
}
