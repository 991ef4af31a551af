using System.Diagnostics;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// One real first poll of one loopback feed of N items (a third matching two topics each) through
/// <see cref="FeedPoller"/>: fetch, parse, seen-set, match, story keys, stored matches, planned deliveries, feed state.
/// </summary>
public static class FirstPollBenchmark
{
    public sealed record Result(int Items, TimeSpan Elapsed, FeedPollSummary Summary, IReadOnlyDictionary<string, long> Transactions, long Total)
    {
        public int MatchingItems => (Items + 2) / 3;
    }

    public static async Task<Result> RunAsync(PipelineFeeds feeds, string? connectionString, string topicsFile, int items)
    {
        var name = $"first-{items}-{Guid.NewGuid():N}";
        var url = feeds.Set(name, 0, items);
        // A warm-up feed in the same process first, so the figure is the poll's and not the JIT's.
        var warmUp = feeds.Set(name + "-warm", 1_000_000, 300);
        await using var services = await PipelineServices.CreateAsync(connectionString, [url, warmUp], topicsFile);
        var poller = services.Get<FeedPoller>();
        await poller.PollAsync(warmUp, CancellationToken.None);
        services.Counter.Reset();

        var clock = Stopwatch.StartNew();
        var summary = await poller.PollAsync(url, CancellationToken.None);
        clock.Stop();
        var expectedMatches = 2 * ((items + 2) / 3);
        if (summary.Error is not null || summary.NewItems != items || summary.Matches != expectedMatches)
            throw new InvalidOperationException($"The {items}-item poll went wrong: {summary} (expected {items} new items, {expectedMatches} matches).");
        return new Result(items, clock.Elapsed, summary, services.Counter.Snapshot(), services.Counter.Total);
    }
}
