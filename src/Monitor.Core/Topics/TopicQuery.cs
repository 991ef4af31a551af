using System.Diagnostics.CodeAnalysis;

namespace NewsMonitor.Topics;

/// <summary>
/// A parsed topic query: words, "quoted phrases", OR, implicit AND, -word / NOT, parentheses, NEAR/n,
/// prefix*, title: scoping. See docs/QUERY-LANGUAGE.md.
/// </summary>
public sealed class TopicQuery
{
    private TopicQuery(string text, QueryNode root)
    {
        Text = text;
        Root = root;
        PositiveTerms = CollectPositiveTerms(root);
    }

    /// <summary>The query as written.</summary>
    public string Text { get; }

    /// <summary>The syntax tree.</summary>
    public QueryNode Root { get; }

    /// <summary>The terms not under a NOT: an item can only match if it contains at least one of them (what the presearcher indexes).</summary>
    public IReadOnlyList<TermNode> PositiveTerms { get; }

    /// <param name="query">The query text.</param>
    /// <param name="lists">The term lists <c>@name</c> may refer to (a topics file's); none if null.</param>
    /// <exception cref="QueryParseException">The query is invalid; the exception carries the reason and position.</exception>
    public static TopicQuery Parse(string query, TermLists? lists = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new TopicQuery(query, QueryParser.Parse(query, lists ?? TermLists.Empty));
    }

    /// <summary>Parses without throwing, for callers that turn errors into responses (HTTP 400, CLI messages).</summary>
    public static bool TryParse(string? query, [NotNullWhen(true)] out TopicQuery? result, [NotNullWhen(false)] out QueryParseException? error) =>
        TryParse(query, null, out result, out error);

    /// <inheritdoc cref="TryParse(string?, out TopicQuery?, out QueryParseException?)"/>
    public static bool TryParse(string? query, TermLists? lists, [NotNullWhen(true)] out TopicQuery? result, [NotNullWhen(false)] out QueryParseException? error)
    {
        try
        {
            result = Parse(query ?? "", lists);
            error = null;
            return true;
        }
        catch (QueryParseException e)
        {
            result = null;
            error = e;
            return false;
        }
    }

    public override string ToString() => Root.ToString();

    private static TermNode[] CollectPositiveTerms(QueryNode root)
    {
        var terms = new List<TermNode>();
        Collect(root);
        return terms.ToArray();

        void Collect(QueryNode node)
        {
            switch (node)
            {
                case TermNode term: terms.Add(term); break;
                case AndNode and: foreach (var c in and.Children) Collect(c); break;
                case OrNode or: foreach (var c in or.Children) Collect(c); break;
                case NearNode near: Collect(near.Left); Collect(near.Right); break;
                case NotNode: break; // excluded terms never make an item a candidate
            }
        }
    }
}
