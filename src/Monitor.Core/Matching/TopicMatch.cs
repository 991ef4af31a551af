namespace NewsMonitor.Matching;

/// <summary>An item matched a topic, with the reason: the terms that were found, where, and a snippet with the hits marked.</summary>
public sealed record TopicMatch(string TopicId, string TopicName, IReadOnlyList<TermHit> Hits, string Snippet)
{
    /// <summary>The distinct matched terms, in the order they were first found.</summary>
    public IReadOnlyList<string> Terms => Hits.Select(h => h.Term).Distinct(StringComparer.Ordinal).ToArray();
}
