using NewsMonitor.Topics;

namespace NewsMonitor.Relevance;

/// <summary>
/// Says which part of a query failed for an item it did not match ("why not"): the AND operand with no hit, the
/// exclusion that fired and the terms it found, the NEAR whose sides are too far apart and how far, the OR of which
/// no alternative matched. One line per reason, nested reasons indented.
/// </summary>
internal static class MissExplainer
{
    private const int MaxDescribed = 90;
    private const int MaxAlternatives = 6;

    public static IReadOnlyList<string> WhyNot(QueryProbe.Loaded item, QueryNode root)
    {
        var lines = new List<string>();
        if (item.Matches(root)) return lines;
        Explain(item, root, 0, lines);
        return lines;
    }

    private static void Explain(QueryProbe.Loaded item, QueryNode node, int depth, List<string> lines)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case TermNode term:
                var where = term.TitleOnly ? " in the title" : "";
                lines.Add($"{indent}{Describe(term)} not found{where}");
                break;
            case OrNode { ListName: { } list }:
                lines.Add($"{indent}no term of @{list} found");
                break;
            case OrNode group when group.Children.All(c => c is TermNode):
                lines.Add($"{indent}none of {Describe(group)} found");
                break;
            case OrNode alternatives:
                // Plain terms and lists that had no hit go on one line; groups explain themselves below it.
                lines.Add($"{indent}no alternative matched:");
                var simple = alternatives.Children.Where(c => c is TermNode or OrNode { ListName: not null }).ToArray();
                if (simple.Length > 0) lines.Add($"{indent}  none of {string.Join(", ", simple.Take(MaxAlternatives * 2).Select(Describe))}{(simple.Length > MaxAlternatives * 2 ? ", …" : "")} found");
                var groups = alternatives.Children.Where(c => c is not (TermNode or OrNode { ListName: not null })).ToArray();
                foreach (var child in groups.Take(MaxAlternatives)) Explain(item, child, depth + 1, lines);
                if (groups.Length > MaxAlternatives) lines.Add($"{indent}  … and {groups.Length - MaxAlternatives} more alternatives");
                break;
            case AndNode and:
                foreach (var child in and.Children.Where(c => !item.Matches(c))) Explain(item, child, depth, lines);
                break;
            case NotNode not:
                lines.Add($"{indent}excluded by -{Describe(not.Child)}: found {string.Join(", ", item.TermsPresent(not.Child).Select(Quote))}");
                break;
            case NearNode near:
                ExplainNear(item, near, depth, lines);
                break;
        }
    }

    private static void ExplainNear(QueryProbe.Loaded item, NearNode near, int depth, List<string> lines)
    {
        var indent = new string(' ', depth * 2);
        var leftFound = item.Matches(near.Left);
        var rightFound = item.Matches(near.Right);
        if (leftFound && rightFound)
        {
            var apart = item.WordsApart(near);
            lines.Add($"{indent}{Describe(near.Left)} and {Describe(near.Right)} are {apart} words apart; NEAR/{near.Distance} allows {near.Distance}" +
                      $" (found {string.Join(", ", item.TermsHit(near.Left).Concat(item.TermsHit(near.Right)).Distinct().Select(Quote))})");
            return;
        }
        lines.Add($"{indent}NEAR/{near.Distance} needs both sides:");
        if (!leftFound) Explain(item, near.Left, depth + 1, lines);
        if (!rightFound) Explain(item, near.Right, depth + 1, lines);
    }

    /// <summary>A node as a reader recognises it from the query: a term, @list, or the group's text, shortened.</summary>
    public static string Describe(QueryNode node)
    {
        var text = node switch
        {
            TermNode term => Quote(term.Text),
            OrNode { ListName: { } list } => "@" + list,
            _ => node.ToString(),
        };
        return text.Length <= MaxDescribed ? text : text[..(MaxDescribed - 1)] + "…";
    }

    private static string Quote(string term) => $"\"{term}\"";
}
