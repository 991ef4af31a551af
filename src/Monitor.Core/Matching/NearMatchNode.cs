using System.Runtime.CompilerServices;
namespace NewsMonitor.Matching;

/// <summary>left NEAR/n right: an occurrence of each with at most n words between them, in either order.</summary>
internal sealed class NearMatchNode(MatchNode left, MatchNode right, int distance) : MatchNode
{
    public override bool Matches(MatchScratch scratch)
    {
        var spans = scratch.RentOccurrences();
        AddOccurrences(scratch, spans);
        var any = spans.Count > 0;
        scratch.Return(spans);
        return any;
    }

    /// <summary>Each satisfied pair becomes one span covering both sides, so NEARs can be chained.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public override void AddOccurrences(MatchScratch scratch, List<Occurrence> into)
    {
        var lefts = scratch.RentOccurrences();
        var rights = scratch.RentOccurrences();
        left.AddOccurrences(scratch, lefts);
        if (lefts.Count > 0) right.AddOccurrences(scratch, rights);
        var added = into.Count;
        foreach (var l in lefts)
        {
            foreach (var r in rights)
            {
                var (first, second) = l.Start <= r.Start ? (l, r) : (r, l);
                if (scratch.WordsBetween(first.End, second.Start, distance) <= distance)
                    into.Add(new Occurrence(first.Start, Math.Max(first.End, second.End)));
            }
        }
        RemoveDuplicates(into, added);
        scratch.Return(lefts);
        scratch.Return(rights);
    }

    /// <summary>
    /// Many pairs give the same span (a word twice in the text pairs with itself both ways). Without this, each link
    /// of a chain "a NEAR b NEAR c ..." would multiply the spans: 32 links of a repeated word exhausted memory.
    /// </summary>
    private static void RemoveDuplicates(List<Occurrence> spans, int from)
    {
        if (spans.Count - from < 2) return;
        spans.Sort(from, spans.Count - from, OccurrenceOrder.Instance);
        var kept = from + 1;
        for (var i = from + 1; i < spans.Count; i++)
        {
            if (spans[i] != spans[kept - 1]) spans[kept++] = spans[i];
        }
        spans.RemoveRange(kept, spans.Count - kept);
    }

    private sealed class OccurrenceOrder : IComparer<Occurrence>
    {
        public static readonly OccurrenceOrder Instance = new();

        public int Compare(Occurrence x, Occurrence y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End);
    }

    /// <summary>Only the occurrences inside a satisfied pair explain the match, not every occurrence of either side.</summary>
    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        var spans = scratch.RentOccurrences();
        AddOccurrences(scratch, spans);
        var sides = new List<(TermMatchNode Term, Occurrence At)>();
        left.CollectHits(scratch, sides);
        right.CollectHits(scratch, sides);
        foreach (var hit in sides)
        {
            if (spans.Exists(s => s.Start <= hit.At.Start && hit.At.End <= s.End)) into.Add(hit);
        }
        scratch.Return(spans);
    }
}
