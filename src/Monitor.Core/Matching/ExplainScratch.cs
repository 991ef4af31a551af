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

    private bool? _titleSingleSpaced, _summarySingleSpaced;

    /// <summary>Forgets what was learnt about the previous item's text.</summary>
    public ExplainScratch BeginItem()
    {
        _titleSingleSpaced = _summarySingleSpaced = null;
        return this;
    }

    /// <summary>Starts explaining another match of the same item.</summary>
    public void Clear()
    {
        Found.Clear();
        Hits.Clear();
    }

    /// <summary>
    /// <see cref="Snippet.IsSingleSpaced"/> of a field of the current item, worked out once per item: every snippet
    /// of the item's matches is cut from the same field, and a window of a single-spaced field is single-spaced.
    /// </summary>
    public bool IsSingleSpaced(bool summary, ReadOnlySpan<char> field) => summary
        ? _summarySingleSpaced ??= Snippet.IsSingleSpaced(field)
        : _titleSingleSpaced ??= Snippet.IsSingleSpaced(field);
}
