namespace NewsMonitor.Matching;

/// <summary>left NEAR/n right: an occurrence of each with at most n words between them, in either order.</summary>
internal sealed class NearMatchNode(MatchNode left, MatchNode right, int distance) : MatchNode
{
    public override bool Matches(MatchScratch scratch)
    {
        var spans = new List<Occurrence>();
        AddOccurrences(scratch, spans);
        return spans.Count > 0;
    }

    /// <summary>Each satisfied pair becomes one span covering both sides, so NEARs can be chained.</summary>
    public override void AddOccurrences(MatchScratch scratch, List<Occurrence> into)
    {
        var lefts = new List<Occurrence>();
        var rights = new List<Occurrence>();
        left.AddOccurrences(scratch, lefts);
        if (lefts.Count == 0) return;
        right.AddOccurrences(scratch, rights);
        foreach (var l in lefts)
        {
            foreach (var r in rights)
            {
                if (WordsBetween(scratch, l, r) <= distance)
                    into.Add(new Occurrence(Math.Min(l.Start, r.Start), Math.Max(l.End, r.End)));
            }
        }
    }

    private static int WordsBetween(MatchScratch scratch, Occurrence a, Occurrence b)
    {
        var (first, second) = a.Start <= b.Start ? (a, b) : (b, a);
        return scratch.WordAt(second.Start) - scratch.WordAt(first.End - 1) - 1;
    }

    /// <summary>Only the occurrences inside a satisfied pair explain the match, not every occurrence of either side.</summary>
    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        var spans = new List<Occurrence>();
        AddOccurrences(scratch, spans);
        var sides = new List<(TermMatchNode Term, Occurrence At)>();
        left.CollectHits(scratch, sides);
        right.CollectHits(scratch, sides);
        foreach (var hit in sides)
        {
            if (spans.Exists(s => s.Start <= hit.At.Start && hit.At.End <= s.End)) into.Add(hit);
        }
    }
}
