namespace NewsMonitor.Alerts;

/// <summary>The news item an alert is about. <see cref="Summary"/> is plain text, shortened.</summary>
public sealed record AlertItem
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Link { get; init; }

    /// <summary>The link without tracking parameters (utm_* and others) and fragment: the form stories are deduplicated by.</summary>
    public string? CanonicalLink { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required string Feed { get; init; }

    /// <summary>The name of <see cref="Feed"/>, where the feed list gives one.</summary>
    public string? FeedName { get; init; }

    /// <summary>The language of the item (BCP 47), where known: the feed list's language for its feed.</summary>
    public string? Language { get; init; }

    public string? Summary { get; init; }
}
