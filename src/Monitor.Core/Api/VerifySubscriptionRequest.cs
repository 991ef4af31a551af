namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/subscriptions/{id}/verify</c>: the code the service posted to the chat channel or e-mailed.</summary>
public sealed record VerifySubscriptionRequest
{
    public required string Code { get; init; }
}
