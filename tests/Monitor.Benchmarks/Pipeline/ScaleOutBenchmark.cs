using System.Diagnostics;
using NewsMonitor.Hosting;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// Several real local hosts on one Azurite container sharing F loopback feeds. Every feed carries one story that is
/// in every feed (the same link) and one story of its own; after the first cycle, each feed gains one more story of its
/// own. Measured: the time of the first cycle (hosts started to every alert in), the time of the next scheduled cycle
/// (its occurrence to every new alert in), how many times each feed was fetched in that cycle, and stories alerted more
/// than once (the subscriber follows both topics every story matches, so any duplicate would show).
/// </summary>
public static class ScaleOutBenchmark
{
    public sealed record Result(int Hosts, int Feeds, TimeSpan FirstCycle, TimeSpan Cycle, int FeedsFetchedOnce, int FeedsFetchedOtherwise, int Alerts, int StoriesAlertedTwice);

    public static async Task<Result> RunAsync(PipelineFeeds server, string connectionString, string topicsFile, int feedCount, int hostCount, string schedule)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, feedCount).Select(i => $"scale-{run}-{i}").ToArray();
        var wire = $"wire-{run}";
        // Item 3 matches (a multiple of 3), items 1 and 2 do not; item 0 is the story every feed carries.
        var urls = names.Select(n => server.Set(n, [3, 2, 1], sharedStory: wire)).ToArray();
        var alertsBefore = server.AlertsReceived;
        var clock = Stopwatch.StartNew();
        await using var hosts = await BenchHosts.StartAsync(hostCount, connectionString, urls, topicsFile, schedule, server.AlertsUrl);
        await server.WaitForAlertsAsync(alertsBefore + feedCount + 1, TimeSpan.FromMinutes(15));
        var firstCycle = clock.Elapsed;

        // The next occurrence that leaves time to change the feeds first.
        var parsed = Schedules.Parse(schedule);
        var occurrence = parsed.GetNextOccurrence(DateTime.UtcNow.AddSeconds(2));
        foreach (var name in names) server.Set(name, [6, 3, 2, 1], sharedStory: wire);
        var requestsBefore = names.ToDictionary(n => n, n => server.FeedRequests.GetValueOrDefault(n));
        var wait = occurrence - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var cycleClock = Stopwatch.StartNew();
        await server.WaitForAlertsAsync(alertsBefore + 2 * feedCount + 1, TimeSpan.FromMinutes(15));
        var cycle = cycleClock.Elapsed;

        var fetches = names.Select(n => server.FeedRequests.GetValueOrDefault(n) - requestsBefore[n]).ToArray();
        var alerts = server.Alerts.Skip((int)alertsBefore).ToArray();
        if (alerts.Any(a => !a.IsSignedWith(hosts.Secret))) throw new InvalidOperationException("An alert's signature did not verify.");
        var twice = alerts.GroupBy(a => a.ItemLink).Count(g => g.Count() > 1);
        return new Result(hostCount, feedCount, firstCycle, cycle, fetches.Count(f => f == 1), fetches.Count(f => f != 1), alerts.Length, twice);
    }
}
