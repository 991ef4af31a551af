namespace NewsMonitor.Matching;

/// <summary>An item matched a topic, with the reason: the terms that were found, where, and a snippet with the hits marked.</summary>
public sealed record TopicMatch(string TopicId, string TopicName, IReadOnlyList<TermHit> Hits, string Snippet)
{
    /// <summary>The distinct matched terms, in the order they were first found.</summary>
    public IReadOnlyList<string> Terms => Enumerable.Range(0, Hits.Count).Where(i => IsFirstOfItsTerm(Hits, i)).Select(i => Hits[i].Term).ToArray();

    /// <summary>
    /// Whether hit <paramref name="index"/> is the first with its term, i.e. whether its term goes into <see cref="Terms"/>.
    /// For writers that list the terms without building the array; hits are few, so looking back beats a set.
    /// </summary>
    public static bool IsFirstOfItsTerm(IReadOnlyList<TermHit> hits, int index)
    {
        ArgumentNullException.ThrowIfNull(hits);
        for (var before = 0; before < index; before++)
        {
            if (string.Equals(hits[before].Term, hits[index].Term, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
