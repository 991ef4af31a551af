namespace NewsMonitor.Topics;

/// <summary>
/// Bounds on a topic query, so that no query can exhaust the parser's stack or the matcher's time: the parser,
/// the compiler and the explanation all walk the tree recursively, and a tree is never deeper than
/// <see cref="MaxNesting"/> (plus a constant). docs/QUERY-LANGUAGE.md lists them.
/// </summary>
public static class QueryLimits
{
    /// <summary>Characters in the query as written; the longest seed topic has about 8,000.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Words and quoted phrases in one query.</summary>
    public const int MaxTerms = 2_000;

    /// <summary>
    /// Nesting levels: each '(' group, each NOT or '-', each title: and each link of a NEAR chain adds one.
    /// Real queries need three or four.
    /// </summary>
    public const int MaxNesting = 32;
}
