namespace NewsMonitor.Feeds;

/// <summary>A feed document after parsing: its title and its items in document order.</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<NewsItem> Items)
{
    /// <summary>The RSS <c>&lt;ttl&gt;</c>: how long the publisher asks readers to wait between polls.</summary>
    public TimeSpan? TimeToLive { get; init; }
}
