namespace NewsMonitor.Pipeline;

/// <summary>
/// A run-time change to the feed list, one blob per feed (<c>feedlist/{id}.json</c>): a feed added through the API,
/// or — <see cref="Removed"/> — a feed of the file or settings taken off the list, which must stay off after a restart.
/// </summary>
public sealed record StoredFeedEntry
{
    public required string Url { get; init; }
    public string? Name { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
    public bool Removed { get; init; }
}
