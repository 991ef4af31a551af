using System.Runtime.CompilerServices;
namespace NewsMonitor.Matching;

/// <summary>A compiled query node, evaluated against the pattern hits of one item.</summary>
internal abstract class MatchNode
{
    public abstract bool Matches(MatchScratch scratch);

    /// <summary>Where a positional node (term, OR of terms, NEAR) occurs; the parser guarantees NEAR only sees those.</summary>
    public virtual void AddOccurrences(MatchScratch scratch, List<Occurrence> into) =>
        throw new InvalidOperationException($"{GetType().Name} has no position");

    /// <summary>For a node that matched: the term occurrences that made it match, for the explanation.</summary>
    public abstract void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into);
}

internal sealed class AndMatchNode(MatchNode[] children) : MatchNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public override bool Matches(MatchScratch scratch)
    {
        foreach (var child in children)
        {
            if (!child.Matches(scratch)) return false;
        }
        return true;
    }

    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        foreach (var child in children) child.CollectHits(scratch, into);
    }
}

internal sealed class OrMatchNode(MatchNode[] children) : MatchNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public override bool Matches(MatchScratch scratch)
    {
        foreach (var child in children)
        {
            if (child.Matches(scratch)) return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public override void AddOccurrences(MatchScratch scratch, List<Occurrence> into)
    {
        foreach (var child in children) child.AddOccurrences(scratch, into);
    }

    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        foreach (var child in children)
        {
            if (child.Matches(scratch)) child.CollectHits(scratch, into);
        }
    }
}

internal sealed class NotMatchNode(MatchNode child) : MatchNode
{
    public override bool Matches(MatchScratch scratch) => !child.Matches(scratch);

    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        // An absent term explains nothing.
    }
}
