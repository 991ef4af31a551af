using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// Chooses which terms of a query the presearcher indexes (as Lucene Monitor's term weighting does):
/// any matching item must contain at least one of them. For an AND (or a NEAR, which needs both sides)
/// one required child is enough, so the child whose weakest term is the most specific is taken; for an OR
/// every alternative must be covered. Longer terms are taken to be rarer: "habomai" over "islands".
/// </summary>
internal static class AnchorSelector
{
    public static IReadOnlyList<TermNode> Anchors(QueryNode root) => Select(root)?.Terms ?? [];

    private sealed record Choice(List<TermNode> Terms, int Weight);

    private static Choice? Select(QueryNode node) => node switch
    {
        TermNode term => new Choice([term], Weight(term)),
        OrNode or => Union(or.Children.Select(Select).ToList()),
        AndNode and => Best(and.Children.Select(Select)),
        NearNode near => Best([Select(near.Left), Select(near.Right)]),
        _ => null, // NOT: an absent term cannot make an item a candidate
    };

    private static Choice? Union(List<Choice?> choices) =>
        choices.Any(c => c is null) ? null : new Choice(choices.SelectMany(c => c!.Terms).ToList(), choices.Min(c => c!.Weight));

    private static Choice? Best(IEnumerable<Choice?> choices) =>
        choices.Where(c => c is not null).MaxBy(c => c!.Weight);

    /// <summary>How specific a term's first segment (the indexed one) is: its length, CJK characters counting double, less for a prefix.</summary>
    private static int Weight(TermNode term)
    {
        var first = QueryCompiler.Segments(term)[0];
        var weight = first.Text.Sum(c => TextNormalizer.IsCjk(c) ? 2 : 1);
        return first.IsPrefix ? weight - 1 : weight;
    }
}
