namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/subscriptions</c> (contract): the receiver's URL and the topic ids it follows.</summary>
public sealed record CreateSubscriptionRequest
{
    public required string Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
}
