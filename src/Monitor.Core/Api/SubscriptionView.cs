using NewsMonitor.Channels;
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
    DateTimeOffset? PreviousSecretExpiresAt = null,
    SubscriptionChannel Channel = SubscriptionChannel.Webhook,
    string? Digest = null,
    string? DigestAt = null,
    string? TimeZone = null,
    string? QuietHours = null,
    int? MaxAlertsPerHour = null)
{
    /// <summary>
    /// Chat webhook URLs are masked (they are the channel's credential); chat and e-mail subscriptions have no
    /// signing secret to show, since their alerts are not signed webhooks.
    /// </summary>
    public static SubscriptionView From(Subscription s, bool withSecret = false)
    {
        var p = s.Preferences;
        withSecret &= s.Channel == SubscriptionChannel.Webhook;
        return new(s.Id, s.Channel.IsChat() ? SecretUrls.Mask(s.Url) : s.Url, s.Topics, s.Status, s.StatusReason, s.CreatedAt, s.VerifiedAt,
            withSecret ? s.Secrets[0] : null, withSecret ? s.PreviousSecretExpiresAt : null,
            s.Channel,
            p is { Digest: not DigestFrequency.None } ? p.Digest.ToString().ToLowerInvariant() : null,
            p?.DigestAt is { } at ? DeliveryPreferencesParser.Format(at) : null,
            p?.TimeZone,
            p is { QuietFrom: { } from, QuietUntil: { } until } ? $"{DeliveryPreferencesParser.Format(from)}-{DeliveryPreferencesParser.Format(until)}" : null,
            p?.MaxAlertsPerHour);
    }
}
