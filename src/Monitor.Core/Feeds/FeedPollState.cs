namespace NewsMonitor.Feeds;

/// <summary>
/// What the pipeline persists per feed between polls (serialisable with System.Text.Json): where the feed
/// lives now, the validators for a conditional GET, its health, when to poll it next, and which items
/// have already been seen.
/// </summary>
public sealed record FeedPollState
{
    public const int DefaultSeenItemCapacity = 2000;

    /// <summary>Where to fetch the feed: the configured source, or the target of a permanent redirect.</summary>
    public required string Url { get; init; }

    public string? ETag { get; init; }

    /// <summary>The Last-Modified header exactly as the server sent it (echoed back in If-Modified-Since).</summary>
    public string? LastModified { get; init; }

    /// <summary>
    /// Digest of the last body parsed: a server that ignores conditional requests and sends the same bytes
    /// again still costs no parse and no write.
    /// </summary>
    public string? ContentHash { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The one-line reason of the last failure, kept after a recovery for the feed health view.</summary>
    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>Earliest time the feed should be polled again; null means now.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>Ids of items already seen, newest first: every id of the latest document, then older ones up to the capacity.</summary>
    public IReadOnlyList<string> SeenItemIds { get; init; } = [];

    public static FeedPollState For(string url) => new() { Url = url };

    public bool IsDue(DateTimeOffset now) => NextPollAt is not { } next || next <= now;

    /// <summary>
    /// Splits <paramref name="feed"/> into items not seen before and returns the state that remembers them.
    /// Every id of the current document is kept even beyond <paramref name="capacity"/>, so an item still
    /// published is never taken as new again; only ids that left the document are forgotten, oldest first.
    /// </summary>
    public (IReadOnlyList<NewsItem> NewItems, FeedPollState State) TakeNewItems(ParsedFeed feed, int capacity = DefaultSeenItemCapacity)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        var seen = new HashSet<string>(SeenItemIds, StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        var newItems = new List<NewsItem>();
        var ids = new List<string>(Math.Max(capacity, feed.Items.Count));
        foreach (var item in feed.Items)
        {
            if (!current.Add(item.Id)) continue;
            ids.Add(item.Id);
            if (!seen.Contains(item.Id)) newItems.Add(item);
        }

        foreach (var id in SeenItemIds)
        {
            if (ids.Count >= capacity) break;
            if (!current.Contains(id)) ids.Add(id);
        }

        return (newItems, this with { SeenItemIds = ids });
    }
}
