using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Takes a feed's lease for one poll (see <see cref="FeedLease"/>). Its length follows the poll schedule
/// (<see cref="Schedules.LeaseDuration"/>): a crashed poll's lease runs out before the next cycle but one, instead of
/// holding the feed for a fixed five minutes whatever the schedule.
/// </summary>
public sealed class FeedLeases(FeedRecordStore feeds, IOptions<MonitorOptions> options, TimeProvider time, ILogger<FeedLeases> logger)
{
    public TimeSpan Duration { get; } = Schedules.LeaseDuration(options.Value.PollSchedule);

    /// <param name="ignoreSchedule">Take it even when the feed is not due (an operator's poll-now); a held lease still wins.</param>
    /// <returns>The lease, or null when the feed is leased by another poll or not due yet.</returns>
    public async Task<FeedLease?> TryTakeAsync(string source, bool ignoreSchedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var leased = await feeds.UpdateAsync(source, r =>
        {
            r ??= new FeedRecord { Source = source };
            if (r.LeasedUntil > now || (!ignoreSchedule && r.State?.NextPollAt > now)) return null;
            return r with { LeasedUntil = now + Duration, LeaseId = id };
        }, cancellationToken).ConfigureAwait(false);
        return leased is null ? null : new FeedLease(feeds, time, logger, leased, Duration);
    }
}
