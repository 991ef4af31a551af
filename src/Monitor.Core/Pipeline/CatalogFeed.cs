namespace NewsMonitor.Pipeline;

/// <summary>
/// One feed the service polls, as the feed list shows it: a stable <see cref="Id"/> (derived from the source, so the
/// same URL always has the same id), the source the poller reads, a human name when one is known, the language its
/// items are written in when the feeds file says so, and where it came from.
/// </summary>
public sealed record CatalogFeed(string Id, string Source, string? Name, string? Language, FeedOrigin Origin, DateTimeOffset? AddedAt = null);
