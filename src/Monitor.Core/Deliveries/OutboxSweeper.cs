using NewsMonitor.Queues;


namespace NewsMonitor.Deliveries;

/// <summary>
/// Finishes work a crash interrupted: a pending delivery whose next attempt is overdue by more than
/// <see cref="Grace"/> has lost its queue message (or never got one), so it is enqueued again. The handler's
/// lease and status checks make a duplicate message harmless.
/// </summary>
public sealed class OutboxSweeper(DeliveryStore deliveries, MonitorQueues queues, TimeProvider time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requeued = 0;
        await foreach (var id in deliveries.ListOutboxAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var delivery = await deliveries.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (delivery is null || delivery.IsFinal)
            {
                await deliveries.RemoveFromOutboxAsync(id, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var dueAt = delivery.NextAttemptAt ?? delivery.CreatedAt;
            if (now - dueAt < Grace || delivery.LeasedUntil > now) continue;
            await queues.Deliveries.SendAsync(id, null, cancellationToken).ConfigureAwait(false);
            requeued++;
        }
        return requeued;
    }
}
