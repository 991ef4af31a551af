using NewsMonitor.Deliveries;

namespace NewsMonitor.Api;

/// <summary>One alert's delivery log entry: its story, its status and every attempt (time, status code, latency, error).</summary>
public sealed record DeliveryView(
    string Id,
    string SubscriptionId,
    string TopicId,
    DeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    int Replays,
    IReadOnlyList<DeliveryAttemptRecord> Attempts,
    string? HeldFor = null,
    int? DigestStories = null,
    string? DigestReason = null,
    string? Title = null,
    string? Link = null)
{
    /// <param name="story">The story's title and link, where its match is still stored, so a person sees what was sent.</param>
    public static DeliveryView From(Delivery d, (string Title, string? Link)? story = null) =>
        new(d.Id, d.SubscriptionId, d.TopicId, d.Status, d.CreatedAt, d.NextAttemptAt, d.Replays, d.Attempts, d.HeldFor, d.DigestItems?.Count, d.DigestReason,
            story?.Title, story?.Link);
}
