using System.Runtime.CompilerServices;
using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// Chooses which terms of a query the presearcher indexes (as Lucene Monitor's term weighting does):
/// any matching item must contain at least one of them. For an AND (or a NEAR, which needs both sides)
/// one required child is enough, so the child whose weakest term is the most specific is taken; for an OR
/// every alternative must be covered. Longer terms are taken to be rarer: "habomai" over "islands".
/// </summary>
/// <remarks>
/// Plain loops rather than LINQ: a `monitor scan` of 10,000 topics runs this once per topic in a process too short
/// for the JIT to optimise it, and the LINQ version was a sixth of that run's start-up.
/// </remarks>
internal static class AnchorSelector
{
    public static IReadOnlyList<TermNode> Anchors(QueryNode root)
    {
        var anchors = new List<TermNode>();
        return Select(root, anchors) is null ? [] : anchors;
    }

    /// <summary>Adds the anchors of <paramref name="node"/> to <paramref name="into"/> and returns their weight (the weakest one's), or null if it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private static int? Select(QueryNode node, List<TermNode> into)
    {
        switch (node)
        {
            case TermNode term:
                into.Add(term);
                return Weight(term);
            case OrNode or:
                var weakest = int.MaxValue;
                foreach (var child in or.Children)
                {
                    if (Select(child, into) is not { } weight) return null;
                    weakest = Math.Min(weakest, weight);
                }
                return weakest;
            case AndNode and:
                return Best(and.Children, into);
            case NearNode near:
                return Best([near.Left, near.Right], into);
            default:
                return null; // NOT: an absent term cannot make an item a candidate
        }
    }

    /// <summary>The child whose anchors weigh most (the first of equals): only its anchors are kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private static int? Best(IReadOnlyList<QueryNode> children, List<TermNode> into)
    {
        int? best = null;
        var bestAnchors = new List<TermNode>();
        var anchors = new List<TermNode>();
        foreach (var child in children)
        {
            anchors.Clear();
            if (Select(child, anchors) is not { } weight || weight <= best) continue;
            best = weight;
            (bestAnchors, anchors) = (anchors, bestAnchors);
        }
        into.AddRange(bestAnchors);
        return best;
    }

    /// <summary>How specific a term's first segment (the indexed one) is: its length, CJK characters counting double, less for a prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private static int Weight(TermNode term)
    {
        var first = QueryCompiler.Segments(term)[0];
        var weight = 0;
        foreach (var c in first.Text) weight += TextNormalizer.IsCjk(c) ? 2 : 1;
        return first.IsPrefix ? weight - 1 : weight;
    }
}
