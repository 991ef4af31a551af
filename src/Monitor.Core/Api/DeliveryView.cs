using NewsMonitor.Deliveries;

namespace NewsMonitor.Api;

/// <summary>One alert's delivery log entry: its status and every attempt (time, status code, latency, error).</summary>
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
    string? DigestReason = null)
{
    public static DeliveryView From(Delivery d) =>
        new(d.Id, d.SubscriptionId, d.TopicId, d.Status, d.CreatedAt, d.NextAttemptAt, d.Replays, d.Attempts, d.HeldFor, d.DigestItems?.Count, d.DigestReason);
}
