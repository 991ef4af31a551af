namespace NewsMonitor.Webhooks;

/// <summary>One webhook delivery attempt, as kept in the delivery log.</summary>
/// <param name="Time">When the attempt started.</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when no answer came (network error, timeout, blocked).</param>
/// <param name="Latency">From the start of the attempt until the answer was read or the attempt failed.</param>
/// <param name="Outcome">What to do next.</param>
/// <param name="Error">Why the attempt was not delivered, for people; never contains secrets or the URL's query.</param>
/// <param name="RetryAfter">The receiver's Retry-After (delta-seconds, or an HTTP date relative to now), if it sent one.</param>
public sealed record DeliveryAttempt(
    DateTimeOffset Time,
    int? StatusCode,
    TimeSpan Latency,
    DeliveryOutcome Outcome,
    string? Error,
    TimeSpan? RetryAfter);
