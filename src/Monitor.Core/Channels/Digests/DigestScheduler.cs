using Microsoft.Extensions.Logging;
using NewsMonitor.Deliveries;
using NewsMonitor.Queues;

namespace NewsMonitor.Channels.Digests;

/// <summary>
/// Runs on a timer (the <c>SendDigests</c> function in Azure, a schedule of the local host): every digest whose time has
/// come is closed and becomes one delivery, queued like any alert, so it is retried, logged, dead-lettered and
/// replayable. Each step is idempotent and the marker goes last, so a crash at any point is finished by the next run:
/// a digest is never lost and, its delivery id being derived from its window, never created twice.
/// </summary>
public sealed class DigestScheduler(DigestStore digests, DeliveryStore deliveries, MonitorQueues queues, TimeProvider time, ILogger<DigestScheduler> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        await foreach (var (subscriptionId, dueAt) in digests.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (dueAt > now) continue;
            var record = await digests.CloseAsync(subscriptionId, dueAt, cancellationToken).ConfigureAwait(false);
            if (record is { Items.Count: > 0 })
            {
                var delivery = new Delivery
                {
                    Id = DigestStore.DeliveryId(subscriptionId, dueAt),
                    SubscriptionId = subscriptionId,
                    TopicId = "digest",
                    StoryKey = "digest" + dueAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    MatchBlob = "",
                    DigestItems = record.Items.Select(i => i.MatchBlob).ToArray(),
                    DigestReason = string.Join(", ", record.Reasons),
                    Status = DeliveryStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                };
                if (await deliveries.TryCreateAsync(delivery, cancellationToken).ConfigureAwait(false))
                {
                    await queues.Deliveries.SendAsync(delivery.Id, null, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Digest {DeliveryId}: {Count} alerts held for {Reasons}, due {DueAt:O}", delivery.Id, record.Items.Count, delivery.DigestReason, dueAt);
                    sent++;
                }
            }
            await digests.RemoveFromOutboxAsync(subscriptionId, dueAt, cancellationToken).ConfigureAwait(false);
        }
        return sent;
    }
}
