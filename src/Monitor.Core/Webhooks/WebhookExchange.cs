namespace NewsMonitor.Webhooks;

/// <summary>What came back from one request to a subscriber's URL: an answer, or the reason there was none.</summary>
internal sealed record WebhookExchange(
    int? StatusCode,
    byte[] Body,
    TimeSpan? RetryAfter,
    TimeSpan Latency,
    WebhookFailure? Failure);

internal enum WebhookFailureKind
{
    TimedOut,
    Blocked,
    Network,
}

/// <summary>Why no answer came; <see cref="Message"/> is safe to store and show (no URL, no secrets).</summary>
internal sealed record WebhookFailure(WebhookFailureKind Kind, string Message);
