namespace NewsMonitor.Topics;

/// <summary>A topic query that does not parse; <see cref="Position"/> is the 0-based character index of the problem.</summary>
public sealed class QueryParseException : FormatException
{
    public QueryParseException(string reason, int position)
        : base($"{reason} (at position {position})")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>0-based index into the query text.</summary>
    public int Position { get; }
}
