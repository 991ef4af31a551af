namespace NewsMonitor.Feeds;

/// <summary>A feed document after parsing: its title and its items in document order.</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<NewsItem> Items);
