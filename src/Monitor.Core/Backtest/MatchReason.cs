using NewsMonitor.Matching;

namespace NewsMonitor.Backtest;

/// <summary>The reason for a match as one sentence: which terms were found, and in which field.</summary>
public static class MatchReason
{
    public static string Describe(TopicMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var parts = match.Hits
            .GroupBy(h => h.Term, StringComparer.Ordinal)
            .Select(g => $"\"{g.Key}\" in the {string.Join(" and ", g.Select(h => h.Field).Distinct())}")
            .ToList();
        return parts.Count switch
        {
            0 => "Matched.",
            1 => $"Matched {parts[0]}.",
            _ => $"Matched {string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}.",
        };
    }
}
