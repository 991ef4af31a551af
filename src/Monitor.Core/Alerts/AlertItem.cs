namespace NewsMonitor.Alerts;

/// <summary>The news item an alert is about. <see cref="Summary"/> is plain text, shortened.</summary>
public sealed record AlertItem
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Link { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required string Feed { get; init; }

    public string? Summary { get; init; }
}
