using NewsMonitor.Deliveries;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Channels.Digests;

/// <summary>
/// Decides, at an alert's first attempt, whether it goes now or waits in a digest: in digest mode, during quiet hours,
/// or when the subscription has had its <see cref="DeliveryPreferences.MaxAlertsPerHour"/> this hour. Retries,
/// replays and digests themselves are never held.
/// </summary>
public sealed class AlertHold(DigestStore digests, SendRateStore rates, TimeProvider time)
{
    /// <returns>The id of the digest delivery the alert now belongs to, or null to send it now.</returns>
    public async Task<string?> TryHoldAsync(Subscription subscription, Delivery delivery, CancellationToken cancellationToken)
    {
        if (subscription.Preferences is not { HoldsAlerts: true } preferences || delivery.DigestItems is not null
            || delivery.Attempts.Count > 0 || delivery.Replays > 0)
            return null;

        var now = time.GetUtcNow();
        var due = DigestWindows.DueFor(preferences, now, overRateLimit: false);
        string reason;
        if (due is null)
        {
            if (preferences.MaxAlertsPerHour is not { } max || await rates.TryTakeAsync(subscription.Id, max, now, cancellationToken).ConfigureAwait(false))
                return null;
            due = DigestWindows.DueFor(preferences, now, overRateLimit: true);
            reason = $"more than {max} alerts an hour";
        }
        else
        {
            reason = DigestWindows.InQuietHours(preferences, now) ? "quiet hours" : $"{preferences.Digest.ToString().ToLowerInvariant()} digest";
        }

        // A closed window means its digest is already on its way: this alert goes on its own instead.
        return await digests.AddAsync(subscription.Id, due!.Value, new DigestItem(delivery.Id, delivery.MatchBlob), reason, cancellationToken).ConfigureAwait(false)
            ? DigestStore.DeliveryId(subscription.Id, due.Value)
            : null;
    }
}
