using Microsoft.Extensions.Logging;
using NewsMonitor.Deliveries;
using NewsMonitor.Feeds;
using NewsMonitor.Subscriptions;
using NewsMonitor.Telemetry;
using NewsMonitor.Topics;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Polls one feed: fetch (conditional), parse, keep only items not seen before, match them, record matches and
/// plan alerts, then save the feed's state. The state (with the seen items) is saved last, so a crash before it
/// makes the next poll redo the items, and the idempotent stores make that redo send nothing twice.
/// The <c>PollFeed</c> queue function and the local host's queue worker both call <see cref="PollAsync"/>.
/// The feed is leased for the poll (<see cref="FeedLeases"/>): renewed while it runs, its results saved only while it is held.
/// </summary>
public sealed class FeedPoller(
    FeedLoader loader,
    FeedLeases leases,
    StoryRegistry stories,
    TopicCatalog topics,
    SubscriptionStore subscriptions,
    AlertPlanner planner,
    MonitorMetrics metrics,
    ILogger<FeedPoller> logger)
{
    public async Task<FeedPollSummary> PollAsync(string source, CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryTakeAsync(source, cancellationToken).ConfigureAwait(false);
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
            var matcher = await topics.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Subscription>? subscribers = null;
            foreach (var item in unseen)
            {
                newItems++;
                var found = matcher.Match(item);
                if (found.Count == 0) continue;
                subscribers ??= await subscriptions.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
                var storyKey = await stories.KeyForAsync(item, cancellationToken).ConfigureAwait(false);
                foreach (var match in found)
                {
                    await planner.RecordAsync(item, match, storyKey, subscribers, cancellationToken).ConfigureAwait(false);
                    matchCount++;
                }
            }
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
        if (result.Error is null)
            logger.LogInformation("Feed {Feed}: {Outcome}, {NewItems} new items, {Matches} matches", source, result.Outcome, newItems, matchCount);
        return new FeedPollSummary(source, Polled: true, result.Error, newItems, matchCount);
    }
}
