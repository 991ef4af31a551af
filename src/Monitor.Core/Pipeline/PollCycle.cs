using NewsMonitor.Queues;
using Microsoft.Extensions.Logging;
using NewsMonitor.Deliveries;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Pipeline;

/// <summary>
/// One run of the schedule (the <c>PollFeeds</c> timer function, or the local host's scheduler): enqueue every
/// feed that is due, once, so all instances share the polling; re-enqueue outbox deliveries whose message was
/// lost; and retry the verification of pending subscriptions.
/// </summary>
public sealed class PollCycle(
    FeedCatalog feedCatalog,
    FeedRecordStore feeds,
    MonitorQueues queues,
    OutboxSweeper outbox,
    SubscriptionVerifier verifier,
    TimeProvider time,
    ILogger<PollCycle> logger)
{
    public async Task<PollCycleResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sources = await feedCatalog.SourcesAsync(cancellationToken).ConfigureAwait(false);
        var due = 0;
        foreach (var source in sources)
        {
            var record = await feeds.GetAsync(source, cancellationToken).ConfigureAwait(false);
            if (record?.State?.NextPollAt > now || record?.LeasedUntil > now) continue;
            await queues.FeedPolls.SendAsync(source, null, cancellationToken).ConfigureAwait(false);
            due++;
        }

        var requeued = await outbox.SweepAsync(cancellationToken).ConfigureAwait(false);
        var verified = await verifier.VerifyPendingAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Poll cycle: {Due} of {Feeds} feeds due, {Requeued} deliveries re-enqueued, {Verified} subscriptions verified",
            due, sources.Count, requeued, verified);
        return new PollCycleResult(sources.Count, due, requeued, verified);
    }
}
