namespace NewsMonitor.Topics;

/// <summary>A node of a parsed topic query. <see cref="Position"/> is where it starts in the query text.</summary>
public abstract record QueryNode(int Position);

/// <summary>One normalised word of a term; a prefix word matches every word starting with it.</summary>
public sealed record TermWord(string Text, bool IsPrefix);

/// <summary>
/// A word or "quoted phrase" as written (<see cref="Text"/>) and as matched (<see cref="Words"/>, normalised;
/// a run of CJK characters is one word and matches as a substring). A word that normalises to several
/// words ("japan-russia") is a phrase.
/// </summary>
public sealed record TermNode(string Text, IReadOnlyList<TermWord> Words, bool TitleOnly, int Position) : QueryNode(Position)
{
    public override string ToString() => (TitleOnly ? "title:" : "") + (Words.Count > 1 ? $"\"{Text}\"" : Text);
}

/// <summary>All children must match (written as juxtaposition or AND).</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children, int Position) : QueryNode(Position)
{
    public override string ToString() => "(" + string.Join(" ", Children) + ")";
}

/// <summary>At least one child must match. <see cref="ListName"/> is set when the group was written as a term list, <c>@name</c>.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children, int Position) : QueryNode(Position)
{
    public string? ListName { get; init; }

    public override string ToString() => ListName is { } list ? "@" + list : "(" + string.Join(" OR ", Children) + ")";
}

/// <summary>The child must not match (-x or NOT x); only allowed beside something positive.</summary>
public sealed record NotNode(QueryNode Child, int Position) : QueryNode(Position)
{
    public override string ToString() => "-" + Child;
}

/// <summary>Both sides occur with at most <see cref="Distance"/> words between them, in either order.</summary>
public sealed record NearNode(QueryNode Left, QueryNode Right, int Distance, int Position) : QueryNode(Position)
{
    public override string ToString() => $"({Left} NEAR/{Distance} {Right})";
}
