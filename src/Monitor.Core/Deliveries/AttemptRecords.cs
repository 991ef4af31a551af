using NewsMonitor.Webhooks;

namespace NewsMonitor.Deliveries;

/// <summary>Maps a webhook attempt to the delivery log's record.</summary>
public static class AttemptRecords
{
    public static DeliveryAttemptRecord From(DeliveryAttempt attempt) => new(
        attempt.Time,
        attempt.StatusCode,
        Math.Round(attempt.Latency.TotalMilliseconds, 1),
        attempt.Outcome switch
        {
            DeliveryOutcome.Delivered => "delivered",
            DeliveryOutcome.Gone => "gone",
            DeliveryOutcome.Blocked => "blocked",
            _ => "failed",
        },
        attempt.Error);
}
