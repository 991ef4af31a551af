using NewsMonitor.Feeds;

namespace NewsMonitor.Pipeline;

/// <summary>
/// What the service keeps per configured feed: the source as configured (the key), its polling state (validators,
/// next poll, health, seen items), and a lease so two workers never poll it at once.
/// </summary>
public sealed record FeedRecord
{
    public required string Source { get; init; }
    public FeedPollState? State { get; init; }
    public DateTimeOffset? LeasedUntil { get; init; }

    /// <summary>Which poll holds the lease, so that only it renews or releases it.</summary>
    public string? LeaseId { get; init; }
    public string? Title { get; init; }
    public int ItemsSeen { get; init; }
    public int MatchesFound { get; init; }
}
