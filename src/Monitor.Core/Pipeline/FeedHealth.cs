using Microsoft.Extensions.Options;
using NewsMonitor.Api;
using NewsMonitor.Hosting;

namespace NewsMonitor.Pipeline;

/// <summary>The health of every feed of the list: its stored record, or an empty one when it was never polled.</summary>
public sealed class FeedHealth(FeedCatalog catalog, FeedRecordStore records, IOptions<MonitorOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<FeedView>();
        foreach (var feed in await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
            views.Add(await ViewAsync(feed, cancellationToken).ConfigureAwait(false));
        return views;
    }

    public async Task<FeedView> ViewAsync(CatalogFeed feed, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(feed.Source, cancellationToken).ConfigureAwait(false);
        return FeedView.From(feed, record, NextPollAt(record));
    }

    /// <summary>
    /// The cycle that will enqueue the feed: the first tick of the schedule at which neither its rest
    /// (<c>State.NextPollAt</c>) nor a lease holds it back.
    /// </summary>
    public DateTimeOffset NextPollAt(FeedRecord? record)
    {
        var earliest = time.GetUtcNow();
        if (record?.State?.NextPollAt > earliest) earliest = record.State.NextPollAt.Value;
        if (record?.LeasedUntil > earliest) earliest = record.LeasedUntil.Value;
        return Schedules.NextRunAtOrAfter(options.Value.PollSchedule, earliest);
    }
}
