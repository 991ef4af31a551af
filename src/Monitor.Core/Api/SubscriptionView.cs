using NewsMonitor.Subscriptions;

namespace NewsMonitor.Api;

/// <summary>
/// A subscription as the API shows it. <see cref="Secret"/> is filled only in the answers to create and
/// rotate-secret; every GET leaves it out.
/// </summary>
public sealed record SubscriptionView(
    string Id,
    string Url,
    IReadOnlyList<string> Topics,
    SubscriptionStatus Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? VerifiedAt,
    string? Secret = null,
    DateTimeOffset? PreviousSecretExpiresAt = null)
{
    public static SubscriptionView From(Subscription s, bool withSecret = false) =>
        new(s.Id, s.Url, s.Topics, s.Status, s.StatusReason, s.CreatedAt, s.VerifiedAt,
            withSecret ? s.Secrets[0] : null, withSecret ? s.PreviousSecretExpiresAt : null);
}
