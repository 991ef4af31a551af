using System.Text;

namespace NewsMonitor.Matching;

/// <summary>Human-readable explanations of matches, for `monitor scan` and `monitor topics test`.</summary>
public static class MatchExplanation
{
    /// <summary>
    /// One line: the topic, each matched term with the fields it was found in, and the snippet, e.g.
    /// <c>habomai: "Habomai" in title, "歯舞" in summary — …the [Habomai] islands…</c>
    /// </summary>
    public static string Describe(TopicMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var sb = new StringBuilder(match.TopicId).Append(": ");
        var terms = match.Hits
            .GroupBy(h => h.Term, StringComparer.Ordinal)
            .Select(g => $"\"{g.Key}\" in {string.Join(" and ", g.Select(h => h.Field).Distinct())}");
        sb.AppendJoin(", ", terms);
        if (match.Snippet.Length > 0) sb.Append(" — ").Append(match.Snippet);
        return sb.ToString();
    }
}
