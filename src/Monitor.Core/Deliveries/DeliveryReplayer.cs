using NewsMonitor.Queues;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Deliveries;

/// <summary>
/// Replays a finished delivery: back to pending with a fresh retry schedule and the same id (so the same webhook-id).
/// Only for an active subscription: the delivery handler cancels an alert of a disabled, pending or deleted one, so
/// accepting the replay would only cancel it again silently.
/// </summary>
public sealed class DeliveryReplayer(DeliveryStore deliveries, SubscriptionStore subscriptions, MonitorQueues queues, TimeProvider time)
{
    /// <returns>
    /// The replayed delivery; or null, whether it exists (a pending one cannot be replayed), and why its subscription
    /// refuses the replay.
    /// </returns>
    public async Task<(Delivery? Replayed, bool Existed, string? Refused)> ReplayAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (!DeliveryIds.TryParse(deliveryId, out _, out _)) return (null, false, null);
        var current = await deliveries.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false);
        if (current is null) return (null, false, null);
        var subscription = await subscriptions.GetAsync(current.SubscriptionId, cancellationToken).ConfigureAwait(false);
        var refused = subscription switch
        {
            null => $"its subscription '{current.SubscriptionId}' was deleted",
            { Status: SubscriptionStatus.Active } => null,
            { Status: SubscriptionStatus.Pending } => $"its subscription '{subscription.Id}' is not verified yet",
            _ => $"its subscription '{subscription.Id}' is {subscription.Status.ToString().ToLowerInvariant()}" +
                (subscription.StatusReason is { } reason ? $": {reason}" : ""),
        };
        if (refused is not null) return (null, true, refused);
        var now = time.GetUtcNow();
        var replayed = await deliveries.UpdateAsync(deliveryId, d => d is null || !d.IsFinal ? null : d with
        {
            Status = DeliveryStatus.Pending,
            AttemptsInRun = 0,
            Replays = d.Replays + 1,
            NextAttemptAt = now,
            LeasedUntil = null,
        }, cancellationToken).ConfigureAwait(false);
        if (replayed is null) return (null, true, null);
        await queues.Deliveries.SendAsync(deliveryId, null, cancellationToken).ConfigureAwait(false);
        return (replayed, true, null);
    }
}
