using System.Diagnostics;
using NewsMonitor.Deliveries;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Pipeline;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// Where a first poll's time goes: the steps of <see cref="FeedPoller"/> and <see cref="NewItemsRecorder"/> run one by
/// one with a stopwatch around each (the same calls, so the same work; the real poller overlaps nothing more).
/// </summary>
public static class PollPhaseProfile
{
    public static async Task<IReadOnlyList<(string Phase, TimeSpan Time)>> RunAsync(PipelineFeeds feeds, string? connectionString, string topicsFile, int items)
    {
        var url = feeds.Set($"profile-{items}-{Guid.NewGuid():N}", 0, items);
        var warmUp = feeds.Set($"profile-warm-{Guid.NewGuid():N}", 2_000_000, 300);
        await using var services = await PipelineServices.CreateAsync(connectionString, [url, warmUp], topicsFile);
        await services.Get<FeedPoller>().PollAsync(warmUp, CancellationToken.None);
        var phases = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Step<T>(string phase, Func<T> run)
        {
            clock.Restart();
            var result = run();
            phases.Add((phase, clock.Elapsed));
            return result;
        }
        async Task<T> StepAsync<T>(string phase, Func<Task<T>> run)
        {
            clock.Restart();
            var result = await run();
            phases.Add((phase, clock.Elapsed));
            return result;
        }

        var loaded = await StepAsync("fetch + parse", () => services.Get<FeedLoader>().LoadAsync(url, null, CancellationToken.None));
        var (unseen, state) = Step("seen-set", () => loaded.State.TakeNewItems(loaded.Feed!));
        var matcher = await services.Get<TopicCatalog>().GetMatcherAsync(CancellationToken.None);
        var found = Step("match (both cores)", () =>
        {
            var all = new IReadOnlyList<TopicMatch>[unseen.Count];
            Parallel.For(0, unseen.Count, i => all[i] = matcher.Match(unseen[i]));
            return all;
        });
        var matched = Enumerable.Range(0, unseen.Count).Where(i => found[i].Count > 0).ToArray();
        var subscribers = await StepAsync("list subscribers", () => services.Get<SubscriptionStore>().ListAsync(CancellationToken.None).ToListAsync().AsTask());
        var keys = await StepAsync("story keys (registry read + write)", () => services.Get<StoryRegistry>().KeysForAsync(matched.Select(i => unseen[i]).ToArray(), CancellationToken.None));
        var planner = services.Get<AlertPlanner>();
        await StepAsync("store matches + plan deliveries (32 stories at a time)", async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, matched.Length), new ParallelOptions { MaxDegreeOfParallelism = NewItemsRecorder.MaxStoriesInFlight }, async (n, ct) =>
            {
                var planned = new HashSet<string>(StringComparer.Ordinal);
                foreach (var match in found[matched[n]])
                    await planner.RecordAsync(unseen[matched[n]], match, keys[n], subscribers, planned, ct);
            });
            return 0;
        });
        await StepAsync("save feed state (seen ids)", () => services.Get<FeedRecordStore>().UpdateAsync(url, r => new FeedRecord { Source = url, State = state }, CancellationToken.None));
        return phases;
    }
}
