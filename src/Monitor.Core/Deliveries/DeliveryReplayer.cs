using NewsMonitor.Queues;
namespace NewsMonitor.Deliveries;

/// <summary>Replays a finished delivery: back to pending with a fresh retry schedule and the same id (so the same webhook-id).</summary>
public sealed class DeliveryReplayer(DeliveryStore deliveries, MonitorQueues queues, TimeProvider time)
{
    /// <returns>The replayed delivery, or null and whether it exists (a pending one cannot be replayed).</returns>
    public async Task<(Delivery? Replayed, bool Existed)> ReplayAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (!DeliveryIds.TryParse(deliveryId, out _, out _)) return (null, false);
        var now = time.GetUtcNow();
        var replayed = await deliveries.UpdateAsync(deliveryId, d => d is null || !d.IsFinal ? null : d with
        {
            Status = DeliveryStatus.Pending,
            AttemptsInRun = 0,
            Replays = d.Replays + 1,
            NextAttemptAt = now,
            LeasedUntil = null,
        }, cancellationToken).ConfigureAwait(false);
        if (replayed is null)
            return (null, await deliveries.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not null);
        await queues.Deliveries.SendAsync(deliveryId, null, cancellationToken).ConfigureAwait(false);
        return (replayed, true);
    }
}
