namespace NewsMonitor.Matching;

/// <summary>
/// Per-thread working lists for <see cref="TopicMatcher"/> explaining a match. Kept apart from
/// <see cref="MatchScratch"/> (the per-item text and hits) because explanations are per match: an item can
/// match hundreds of topics, and two fresh lists for each of them were a large share of a scan's allocations.
/// </summary>
internal sealed class ExplainScratch
{
    [ThreadStatic] private static ExplainScratch? _current;

    public static ExplainScratch ForCurrentThread() => _current ??= new ExplainScratch();

    /// <summary>The term occurrences that made the topic match, in the order the query yields them.</summary>
    public readonly List<(TermMatchNode Term, Occurrence At)> Found = new();

    /// <summary>The distinct (term, field) pairs of <see cref="Found"/>, in text order.</summary>
    public readonly List<TermHit> Hits = new();

    public void Clear()
    {
        Found.Clear();
        Hits.Clear();
    }
}
