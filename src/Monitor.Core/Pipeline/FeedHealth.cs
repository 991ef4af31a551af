using Microsoft.Extensions.Options;
using NewsMonitor.Api;
using NewsMonitor.Hosting;

namespace NewsMonitor.Pipeline;

/// <summary>The health of every configured feed: its stored record, or an empty one when it was never polled.</summary>
public sealed class FeedHealth(FeedList feedList, FeedRecordStore records, IOptions<MonitorOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<FeedView>();
        foreach (var source in feedList.Sources())
        {
            var record = await records.GetAsync(source, cancellationToken).ConfigureAwait(false) ?? new FeedRecord { Source = source };
            views.Add(FeedView.From(record, NextPollAt(record)));
        }
        return views;
    }

    /// <summary>
    /// The cycle that will enqueue the feed: the first tick of the schedule at which neither its rest
    /// (<c>State.NextPollAt</c>) nor a lease holds it back.
    /// </summary>
    public DateTimeOffset NextPollAt(FeedRecord record)
    {
        var earliest = time.GetUtcNow();
        if (record.State?.NextPollAt > earliest) earliest = record.State.NextPollAt.Value;
        if (record.LeasedUntil > earliest) earliest = record.LeasedUntil.Value;
        return Schedules.NextRunAtOrAfter(options.Value.PollSchedule, earliest);
    }
}
