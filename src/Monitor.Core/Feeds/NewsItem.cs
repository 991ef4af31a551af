namespace NewsMonitor.Feeds;

/// <summary>One entry of a feed, reduced to what matching, storage and alerts need.</summary>
public sealed record NewsItem
{
    /// <summary>The feed this item was read from (its URL or file path).</summary>
    public required string Feed { get; init; }

    /// <summary>Stable identity within the feed: GUID, else canonical link, else a content hash.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Link { get; init; }

    /// <summary>Summary or content as published (may contain HTML; the matcher normalises it).</summary>
    public string? Summary { get; init; }

    public DateTimeOffset? Published { get; init; }
}
