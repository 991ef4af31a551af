using NewsMonitor.Deliveries;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Pipeline;

/// <summary>
/// What a poll does with its new items: match them all (on every core), give the matched ones their story keys in one
/// pass over the story registry, then store each story's matches and plan its alerts — stories in parallel, at most
/// <see cref="MaxStoriesInFlight"/> at a time, the matches of one story one after the other so that a story matching
/// two of a subscriber's topics plans one delivery. Work and storage requests grow linearly with the items and matches.
/// </summary>
public sealed class NewItemsRecorder(TopicCatalog topics, StoryRegistry stories, SubscriptionStore subscriptions, AlertPlanner planner)
{
    /// <summary>Stories whose storage requests run at once: enough to hide storage latency, few enough to be polite to it.</summary>
    public const int MaxStoriesInFlight = 32;

    /// <summary>Matches, records and plans alerts for <paramref name="items"/>; returns the number of matches.</summary>
    public async Task<int> RecordAsync(IReadOnlyList<NewsItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return 0;
        var matcher = await topics.GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        var found = new IReadOnlyList<TopicMatch>[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => found[i] = matcher.Match(items[i]));

        var matched = Enumerable.Range(0, items.Count).Where(i => found[i].Count > 0).ToArray();
        if (matched.Length == 0) return 0;
        var subscribers = await subscriptions.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var keys = await stories.KeysForAsync(matched.Select(i => items[i]).ToArray(), cancellationToken).ConfigureAwait(false);

        // One group per story, in feed order; two items of one poll can be one story (same link, near-identical title).
        var byStory = matched.Select((item, n) => (Item: item, Key: keys[n])).GroupBy(m => m.Key, StringComparer.Ordinal).ToArray();
        await Parallel.ForEachAsync(byStory, new ParallelOptions { MaxDegreeOfParallelism = MaxStoriesInFlight, CancellationToken = cancellationToken },
            async (story, ct) =>
            {
                var planned = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (i, key) in story)
                {
                    foreach (var match in found[i])
                        await planner.RecordAsync(items[i], match, key, subscribers, planned, ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return matched.Sum(i => found[i].Count);
    }
}
