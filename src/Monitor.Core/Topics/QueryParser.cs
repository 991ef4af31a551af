using System.Runtime.CompilerServices;
using NewsMonitor.Matching;

namespace NewsMonitor.Topics;

/// <summary>
/// Recursive-descent parser for the topic query language. Precedence, loosest first:
/// OR, then AND (implicit or written), then -/NOT, then NEAR/n, then a word, "phrase", (group) or title:scope.
/// </summary>
internal sealed class QueryParser
{
    private const int MinPrefixLength = 2;

    private readonly List<QueryToken> _tokens;
    private readonly TermLists _lists;
    private int _next;
    private bool _inTitle;
    private int _nesting;
    private int _terms;

    private QueryParser(List<QueryToken> tokens, TermLists lists)
    {
        _tokens = tokens;
        _lists = lists;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public static QueryNode Parse(string query, TermLists lists)
    {
        if (query.Length > QueryLimits.MaxLength)
            throw new QueryParseException($"the query is {query.Length:N0} characters long; at most {QueryLimits.MaxLength:N0} are allowed", QueryLimits.MaxLength);
        var parser = new QueryParser(QueryLexer.Tokenize(query), lists);
        if (parser.Peek.Kind == QueryTokenKind.End) throw new QueryParseException("the query is empty", 0);
        var root = parser.ParseOr();
        if (parser.Peek.Kind == QueryTokenKind.CloseParen)
            throw new QueryParseException("')' has no matching '('", parser.Peek.Position);
        if (!CanMatchAlone(root))
            throw new QueryParseException("the query needs at least one word or phrase that is not excluded", root.Position);
        return root;
    }

    private QueryToken Peek => _tokens[_next];

    private QueryToken Take() => _tokens[_next++];

    /// <summary>One level deeper (group, NOT, title:, NEAR link): refused past <see cref="QueryLimits.MaxNesting"/>, before recursing further.</summary>
    private void Nest(QueryToken at)
    {
        if (++_nesting > QueryLimits.MaxNesting)
            throw new QueryParseException($"the query nests more than {QueryLimits.MaxNesting} levels deep (groups, NOT, title: and NEAR chains count)", at.Position);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private QueryNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != QueryTokenKind.Or) return first;
        var children = new List<QueryNode> { first };
        while (Peek.Kind == QueryTokenKind.Or)
        {
            var or = Take();
            if (IsEndOfOperand(Peek.Kind)) throw new QueryParseException("OR needs a word, phrase or group on its right", or.Position);
            children.Add(ParseAnd());
        }
        foreach (var child in children)
        {
            if (!CanMatchAlone(child))
                throw new QueryParseException("each OR alternative needs a word or phrase that is not excluded", child.Position);
        }
        return new OrNode(children, first.Position);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private QueryNode ParseAnd()
    {
        var children = new List<QueryNode> { ParseUnary() };
        while (!IsEndOfOperand(Peek.Kind))
        {
            if (Peek.Kind == QueryTokenKind.And)
            {
                var and = Take();
                if (IsEndOfOperand(Peek.Kind)) throw new QueryParseException("AND needs a word, phrase or group on its right", and.Position);
            }
            children.Add(ParseUnary());
        }
        return children.Count == 1 ? children[0] : new AndNode(children, children[0].Position);
    }

    private static bool IsEndOfOperand(QueryTokenKind kind) =>
        kind is QueryTokenKind.Or or QueryTokenKind.CloseParen or QueryTokenKind.End;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private QueryNode ParseUnary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case QueryTokenKind.Minus or QueryTokenKind.Not:
                Take();
                if (IsEndOfOperand(Peek.Kind) || Peek.Kind == QueryTokenKind.And)
                    throw new QueryParseException($"'{token.Text}' needs a word, phrase or group to exclude", token.Position);
                Nest(token);
                var excluded = ParseUnary();
                _nesting--;
                return new NotNode(excluded, token.Position);
            case QueryTokenKind.Or or QueryTokenKind.And:
                throw new QueryParseException($"{token.Text} needs a word, phrase or group on its left", token.Position);
            default:
                return ParseNear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private QueryNode ParseNear()
    {
        var left = ParsePrimary();
        var links = 0;
        while (Peek.Kind == QueryTokenKind.Near)
        {
            var near = Take();
            Nest(near); // a chain a NEAR b NEAR c is a left-deep tree: each link is one level
            links++;
            if (IsEndOfOperand(Peek.Kind)) throw new QueryParseException($"{near.Text} needs a word, phrase or group on its right", near.Position);
            var right = ParsePrimary();
            RequirePositional(left, near);
            RequirePositional(right, near);
            left = new NearNode(left, right, near.Distance, left.Position);
        }
        _nesting -= links;
        return left;
    }

    /// <summary>NEAR compares word positions, so its sides must be things that occur somewhere: terms, OR-groups of them, or NEARs.</summary>
    private static void RequirePositional(QueryNode node, QueryToken near)
    {
        if (!IsPositional(node))
            throw new QueryParseException($"{near.Text} can only join words, phrases, OR-groups of them or other NEARs", node.Position);
    }

    internal static bool IsPositional(QueryNode node) => node switch
    {
        TermNode or NearNode => true,
        OrNode or => or.Children.All(IsPositional),
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private QueryNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case QueryTokenKind.TitleScope:
                var outer = _inTitle;
                _inTitle = true;
                Nest(token);
                var scoped = ParsePrimary();
                _nesting--;
                _inTitle = outer;
                return scoped;
            case QueryTokenKind.OpenParen:
                if (Peek.Kind == QueryTokenKind.CloseParen) throw new QueryParseException("empty parentheses", token.Position);
                Nest(token);
                var inner = ParseOr();
                _nesting--;
                if (Peek.Kind != QueryTokenKind.CloseParen) throw new QueryParseException("'(' is never closed", token.Position);
                Take();
                return inner with { Position = token.Position }; // errors about a group point at its '('
            case QueryTokenKind.Word:
                return Term(token.Text, [(token.Text, token.Position)], token.Position);
            case QueryTokenKind.Phrase:
                return Phrase(token);
            case QueryTokenKind.ListRef:
                return List(token);
            case QueryTokenKind.End:
                throw new QueryParseException("the query ends where a word, phrase or group was expected", token.Position);
            default:
                throw new QueryParseException($"expected a word, phrase or group, not '{token.Text}'", token.Position);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private TermNode Phrase(QueryToken token)
    {
        var chunks = new List<(string Text, int Position)>();
        var start = -1;
        for (var i = 0; i <= token.Text.Length; i++)
        {
            var atBreak = i == token.Text.Length || char.IsWhiteSpace(token.Text[i]);
            if (!atBreak && start < 0) start = i;
            if (atBreak && start >= 0)
            {
                chunks.Add((token.Text[start..i], token.Position + 1 + start));
                start = -1;
            }
        }
        if (chunks.Count == 0) throw new QueryParseException("empty quoted phrase", token.Position);
        return Term(token.Text.Trim(), chunks, token.Position);
    }

    /// <summary>@name: the OR of the list's terms (included lists expanded), remembered as the list for explanations.</summary>
    private OrNode List(QueryToken token)
    {
        var terms = _lists.Expand(token.Text, token.Position);
        if (terms.Count == 0) throw new QueryParseException($"term list '@{token.Text}' has no terms", token.Position);
        var children = new List<QueryNode>(terms.Count);
        foreach (var entry in terms)
        {
            var chunks = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(chunk => (chunk, token.Position)).ToList();
            try
            {
                children.Add(Term(entry, chunks, token.Position));
            }
            catch (QueryParseException e)
            {
                throw new QueryParseException($"term list '@{token.Text}', entry '{entry}': {e.Reason}", token.Position);
            }
        }
        return new OrNode(children, token.Position) { ListName = token.Text };
    }

    /// <summary>Normalises each written chunk; a trailing '*' makes the chunk's last word a prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private TermNode Term(string text, List<(string Text, int Position)> chunks, int position)
    {
        if (++_terms > QueryLimits.MaxTerms)
            throw new QueryParseException($"the query has more than {QueryLimits.MaxTerms:N0} words and phrases", position);
        var words = new List<TermWord>();
        foreach (var (chunk, at) in chunks)
        {
            var star = chunk.IndexOf('*');
            if (star >= 0 && star != chunk.Length - 1)
                throw new QueryParseException($"'*' is only allowed at the end of a word, as in treat*: '{chunk}'", at + star);
            var isPrefix = star >= 0;
            var normalized = TextNormalizer.Normalize(isPrefix ? chunk[..^1] : chunk);
            if (normalized.Length == 0)
                throw new QueryParseException($"'{chunk}' has no letters or digits to match", at);
            var parts = normalized.Split(' ');
            var last = parts[^1];
            var cjkPrefix = TextNormalizer.IsCjk(last[^1]); // CJK already matches as a substring: '*' adds nothing
            if (isPrefix && !cjkPrefix && last.Length < MinPrefixLength)
                throw new QueryParseException($"a prefix needs at least {MinPrefixLength} letters before '*': '{chunk}'", at);
            for (var i = 0; i < parts.Length; i++) words.Add(new TermWord(parts[i], isPrefix && !cjkPrefix && i == parts.Length - 1));
        }
        return new TermNode(text, words, _inTitle, position);
    }

    /// <summary>Whether a node can match on its own: excluded terms alone could match almost every item, which the presearcher cannot index.</summary>
    internal static bool CanMatchAlone(QueryNode node) => node switch
    {
        TermNode or NearNode => true,
        NotNode => false,
        OrNode or => or.Children.All(CanMatchAlone),
        AndNode and => and.Children.Any(CanMatchAlone),
        _ => false,
    };
}
