using Microsoft.Extensions.Logging;
using NewsMonitor.Feeds;
using NewsMonitor.Telemetry;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Polls one feed: fetch (conditional), parse, keep only items not seen before, match them, record matches and
/// plan alerts, then save the feed's state. The state (with the seen items) is saved last, so a crash before it
/// makes the next poll redo the items, and the idempotent stores make that redo send nothing twice.
/// The <c>PollFeed</c> queue function and the local host's queue worker both call <see cref="PollMessageAsync"/>.
/// The feed is leased for the poll (<see cref="FeedLeases"/>): renewed while it runs, its results saved only while it is held.
/// </summary>
public sealed class FeedPoller(
    FeedLoader loader,
    FeedLeases leases,
    RecentItems.RecentItemsStore recentItems,
    NewItemsRecorder recorder,
    MonitorMetrics metrics,
    ILogger<FeedPoller> logger)
{
    public Task<FeedPollSummary> PollAsync(string source, CancellationToken cancellationToken) =>
        PollAsync(source, ignoreSchedule: false, cancellationToken);

    /// <summary>Feeds of one message polled at once at most (a message holds up to <see cref="FeedPollMessages.MaxSources"/>).</summary>
    public const int MaxFeedsInFlightPerMessage = 8;

    /// <summary>
    /// Polls every feed of a <c>feed-polls</c> message (<see cref="FeedPollMessages"/>), a few at a time. The summary of a
    /// one-feed message is that feed's; of a larger one, the totals. A feed that throws fails the message, which comes
    /// back and is polled again; the feeds it polled are not due by then and are skipped.
    /// </summary>
    public async Task<FeedPollSummary> PollMessageAsync(string message, CancellationToken cancellationToken)
    {
        var sources = FeedPollMessages.Sources(message);
        if (sources.Count == 1) return await PollAsync(sources[0], cancellationToken).ConfigureAwait(false);
        var summaries = new FeedPollSummary[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxFeedsInFlightPerMessage, CancellationToken = cancellationToken },
            async (i, ct) => summaries[i] = await PollAsync(sources[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return FeedPollSummary.Combine(summaries);
    }

    /// <summary>
    /// Polls the feed now, whatever its next poll time says (a ttl, max-age, Retry-After or failure backoff): an
    /// operator asked for it (<c>POST /api/feeds/{id}/poll</c>). Only a poll under way elsewhere (the lease) stops it.
    /// </summary>
    public Task<FeedPollSummary> PollNowAsync(string source, CancellationToken cancellationToken) =>
        PollAsync(source, ignoreSchedule: true, cancellationToken);

    private async Task<FeedPollSummary> PollAsync(string source, bool ignoreSchedule, CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryTakeAsync(source, ignoreSchedule, cancellationToken).ConfigureAwait(false);
        if (lease is null) return FeedPollSummary.Skipped(source);
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            return await PollLeasedAsync(lease, polling.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return FeedPollSummary.Skipped(source); // another worker holds the feed now; it polls it
        }
    }

    private async Task<FeedPollSummary> PollLeasedAsync(FeedLease lease, CancellationToken cancellationToken)
    {
        var source = lease.Source;
        var leased = lease.Record;

        var result = await loader.LoadAsync(source, leased.State, cancellationToken).ConfigureAwait(false);
        var state = result.State;
        var newItems = 0;
        var matchCount = 0;
        if (result.Feed is { } parsed)
        {
            (var unseen, state) = state.TakeNewItems(parsed);
            // Kept for backtests before matching: a crash after this only repeats items, which backtests count once.
            await recentItems.AppendAsync(source, unseen, cancellationToken).ConfigureAwait(false);
            newItems = unseen.Count;
            matchCount = await recorder.RecordAsync(unseen, cancellationToken).ConfigureAwait(false);
        }

        if (!await lease.ReleaseAsync(r => r with
        {
            State = state,
            Title = result.Feed?.Title ?? r.Title,
            ItemsSeen = r.ItemsSeen + newItems,
            MatchesFound = r.MatchesFound + matchCount,
        }, cancellationToken).ConfigureAwait(false))
            return FeedPollSummary.Skipped(source);

        metrics.FeedPolled(result.Outcome switch
        {
            FeedLoadOutcome.Parsed => Telemetry.FeedPollResult.Updated,
            FeedLoadOutcome.NotModified => Telemetry.FeedPollResult.NotModified,
            _ => Telemetry.FeedPollResult.Failed,
        }, result.Error is null ? null : result.HttpStatus is { } status ? $"http_{status}" : "unreadable");
        if (matchCount > 0) metrics.Matched(matchCount);

        // A failure was already logged by the loader, with its reason and the next poll.
        // An unchanged feed is the common case: Debug, so the operator's log shows what changed.
        if (result.Error is null)
            logger.Log(newItems == 0 ? LogLevel.Debug : LogLevel.Information,
                "Feed {Feed}: {Outcome}, {NewItems} new items, {Matches} matches", source, result.Outcome, newItems, matchCount);
        return new FeedPollSummary(source, Polled: true, result.Error, newItems, matchCount);
    }
}
