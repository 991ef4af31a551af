namespace NewsMonitor.Tests;

/// <summary>A scripted answer of the <see cref="WebhookReceiver"/> to one POST, used to make deliveries fail.</summary>
/// <param name="Body">A body to answer with, e.g. Discord's {"retry_after": 1.5} on a 429.</param>
public sealed record WebhookReceiverResponse(int StatusCode, string? RetryAfter = null, string? Location = null, bool Hang = false, string? Body = null)
{
    public static WebhookReceiverResponse ServerError { get; } = new(500);

    public static WebhookReceiverResponse Gone { get; } = new(410);

    /// <summary>Never answers; the request ends only when the sender gives up (times out) or the receiver stops.</summary>
    public static WebhookReceiverResponse NoAnswer { get; } = new(0, Hang: true);

    /// <summary>503 with a Retry-After of delta-seconds or an HTTP date, exactly as given.</summary>
    public static WebhookReceiverResponse Unavailable(string retryAfter) => new(503, RetryAfter: retryAfter);

    public static WebhookReceiverResponse Redirect(int statusCode, string location) => new(statusCode, Location: location);
}
