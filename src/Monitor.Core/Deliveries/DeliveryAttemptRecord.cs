namespace NewsMonitor.Deliveries;

/// <summary>One attempt to POST an alert, as the delivery log shows it.</summary>
public sealed record DeliveryAttemptRecord(
    DateTimeOffset At,
    int? StatusCode,
    double LatencyMs,
    string Outcome,
    string? Error);
