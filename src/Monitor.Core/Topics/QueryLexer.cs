using System.Runtime.CompilerServices;
namespace NewsMonitor.Topics;

/// <summary>Splits a topic query into tokens. Operators (OR, AND, NOT, NEAR/n) are recognised only in upper case, as in Google.</summary>
internal static class QueryLexer
{
    public const int MaxNearDistance = 100;
    private const string TitleScope = "title:";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public static List<QueryToken> Tokenize(string query)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new(QueryTokenKind.OpenParen, "(", i)); i++; continue;
                case ')': tokens.Add(new(QueryTokenKind.CloseParen, ")", i)); i++; continue;
                case '"': i = ReadPhrase(query, i, tokens); continue;
                case '-':
                    if (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]) || query[i + 1] == ')')
                        throw new QueryParseException("'-' must be followed directly by a word, phrase or group", i);
                    tokens.Add(new(QueryTokenKind.Minus, "-", i));
                    i++;
                    continue;
            }
            if (string.CompareOrdinal(query, i, TitleScope, 0, TitleScope.Length) == 0)
            {
                var next = i + TitleScope.Length;
                if (next >= query.Length || char.IsWhiteSpace(query[next]) || query[next] == ')')
                    throw new QueryParseException("'title:' must be followed directly by a word, phrase or group", i);
                tokens.Add(new(QueryTokenKind.TitleScope, TitleScope, i));
                i = next;
                continue;
            }
            i = ReadWord(query, i, tokens);
        }
        tokens.Add(new(QueryTokenKind.End, "", query.Length));
        return tokens;
    }

    private static int ReadPhrase(string query, int start, List<QueryToken> tokens)
    {
        var close = query.IndexOf('"', start + 1);
        if (close < 0) throw new QueryParseException("unterminated quoted phrase: add the closing '\"'", start);
        tokens.Add(new(QueryTokenKind.Phrase, query[(start + 1)..close], start));
        return close + 1;
    }

    private static int ReadWord(string query, int start, List<QueryToken> tokens)
    {
        var end = start;
        while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('(' or ')' or '"')) end++;
        var word = query[start..end];
        tokens.Add(word switch
        {
            "OR" => new(QueryTokenKind.Or, word, start),
            "AND" => new(QueryTokenKind.And, word, start),
            "NOT" => new(QueryTokenKind.Not, word, start),
            _ when word.StartsWith("NEAR", StringComparison.Ordinal) => Near(word, start),
            _ when word.StartsWith('@') => ListRef(word, start),
            _ => new(QueryTokenKind.Word, word, start),
        });
        return end;
    }

    /// <summary>@name: a named term list of the topics file (see <see cref="TermLists"/>).</summary>
    private static QueryToken ListRef(string word, int position)
    {
        var name = word[1..];
        if (!TermLists.IsValidName(name))
            throw new QueryParseException($"'@' must be followed by a term list name (lower-case letters, digits, '_' or '-'), not '{word}'", position);
        return new(QueryTokenKind.ListRef, name, position);
    }

    private static QueryToken Near(string word, int position)
    {
        if (word == "NEAR") throw new QueryParseException("NEAR needs a distance in words, e.g. NEAR/5", position);
        if (!word.StartsWith("NEAR/", StringComparison.Ordinal)) return new(QueryTokenKind.Word, word, position);
        if (!int.TryParse(word.AsSpan(5), System.Globalization.NumberStyles.None, null, out var n) || n > MaxNearDistance)
            throw new QueryParseException($"NEAR/n needs a whole number of words from 0 to {MaxNearDistance}, not '{word[5..]}'", position + 5);
        return new(QueryTokenKind.Near, word, position, n);
    }
}
