using NewsMonitor.Queues;
using Microsoft.Extensions.Logging;
using NewsMonitor.Deliveries;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Pipeline;

/// <summary>
/// One run of the schedule (the <c>PollFeeds</c> timer function, or the local host's scheduler): enqueue every
/// feed that is due, once, up to 32 feeds per message (<see cref="FeedPollMessages"/>), so all instances share the
/// polling; re-enqueue outbox deliveries whose message was lost; and retry the verification of pending subscriptions.
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
    public const int MaxRecordReadsInFlight = 32;

    public async Task<PollCycleResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sources = await feedCatalog.SourcesAsync(cancellationToken).ConfigureAwait(false);
        // Reads in parallel: at 100,000 feeds, one after the other would outlast a 5-minute schedule.
        var isDue = new bool[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxRecordReadsInFlight, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var record = await feeds.GetAsync(sources[i], ct).ConfigureAwait(false);
                isDue[i] = !(record?.State?.NextPollAt > now || record?.LeasedUntil > now);
            }).ConfigureAwait(false);
        var due = sources.Where((_, i) => isDue[i]).ToList();
        foreach (var message in FeedPollMessages.Batch(due))
            await queues.FeedPolls.SendAsync(message, null, cancellationToken).ConfigureAwait(false);

        var requeued = await outbox.SweepAsync(cancellationToken).ConfigureAwait(false);
        var verified = await verifier.VerifyPendingAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Poll cycle: {Due} of {Feeds} feeds due, {Requeued} deliveries re-enqueued, {Verified} subscriptions verified",
            due.Count, sources.Count, requeued, verified);
        return new PollCycleResult(sources.Count, due.Count, requeued, verified);
    }
}
