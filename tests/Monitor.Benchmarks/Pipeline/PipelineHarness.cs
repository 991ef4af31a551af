using System.Globalization;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// <c>dotnet run -c Release --project tests/Monitor.Benchmarks -- pipeline [--items N] [--scale K] [--azurite CONNECTION] [--short]</c>:
/// the pipeline figures of docs/BENCHMARKS.md. See that file for what each part measures.
/// </summary>
public static class PipelineHarness
{
    public const string Command = "pipeline";

    public static async Task<int> RunAsync(string[] args, TextWriter? writer = null)
    {
        var output = writer ?? Console.Out;
        var quick = args.Contains("--short");
        var items = Option(args, "--items", quick ? 300 : 20_000);
        var scale = Option(args, "--scale", 4);
        var azurite = OptionText(args, "--azurite") ?? Environment.GetEnvironmentVariable("MONITOR_TEST_STORAGE");

        output.WriteLine($"pipeline benchmark: {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}, .NET {Environment.Version}");
        await using var feeds = await PipelineFeeds.StartAsync();
        var topicsFile = Path.Combine(Path.GetTempPath(), $"newsmonitor-bench-topics-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(topicsFile, PipelineFeeds.TopicsJson);
        try
        {
            output.WriteLine();
            output.WriteLine("## First poll of one feed (a third of the items match two topics each), one active subscriber");
            output.WriteLine();
            output.WriteLine("| Storage | Items | New matches | Time | Items/s | Transactions | per new match | by kind |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
            var stores = new List<(string Name, string? Connection)> { ("folder", null) };
            if (!string.IsNullOrEmpty(azurite)) stores.Add(("Azurite", azurite));
            foreach (var (storeName, connection) in stores)
            {
                var small = await FirstPollBenchmark.RunAsync(feeds, connection, topicsFile, items);
                PrintFirstPoll(output, storeName, small);
                var large = await FirstPollBenchmark.RunAsync(feeds, connection, topicsFile, items * scale);
                PrintFirstPoll(output, storeName, large);
                output.WriteLine($"|  | {scale}x items: **{large.Elapsed / small.Elapsed:F2}x** the time |  |  |  |  |  |  |");
            }
            output.WriteLine();
            output.WriteLine("## First poll measured from outside: `dotnet monitor.dll run --data DIR --feed URL` until `GET /api/feeds` shows every item seen");
            output.WriteLine();
            output.WriteLine("| Items | Process start to API up (baseline) | Start to poll done | Poll (difference) |");
            output.WriteLine("|---:|---:|---:|---:|");
            var outside = new List<OutsideFirstPoll.Result>();
            foreach (var size in new[] { items, items * scale })
            {
                var r = await OutsideFirstPoll.RunAsync(feeds, topicsFile, size);
                outside.Add(r);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Items:N0} | {r.StartUp.TotalSeconds:F2} s | {r.Done.TotalSeconds:F2} s | {r.Poll.TotalSeconds:F2} s |"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {scale}x items: **{outside[1].Poll / outside[0].Poll:F2}x** the poll time |  |  |  |"));

            var feedCount = Option(args, "--feeds", quick ? 20 : 200);
            foreach (var (storeName, connection) in stores)
                PrintCycles(output, storeName, await CycleCostBenchmark.RunAsync(feeds, connection, topicsFile, feedCount));

            var latencyItems = Option(args, "--latency-items", quick ? 6 : 100);
            var latencySchedule = quick ? "*/2 * * * * *" : "*/10 * * * * *";
            var latency = await LatencyBenchmark.RunAsync(feeds, topicsFile, latencyItems, quick ? 3 : 10, latencySchedule,
                TimeSpan.FromSeconds(quick ? 6 : 60));
            output.WriteLine();
            output.WriteLine("## Latency: item appears in a feed → signed alert received (one local host, folder store, polling)");
            output.WriteLine();
            output.WriteLine("| Schedule | Items | p50 | p95 | max | duplicate alerts |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{latency.Schedule}` | {latency.Items} | {latency.P50:F2} s | {latency.P95:F2} s | {latency.Max:F2} s | {latency.Duplicates} |"));

            // Scale-out runs in the full mode only: its two-host run on Azurite stalled short of its alerts in the
            // short mode (see docs/BENCHMARKS.md), and the test command must not wait on it.
            if (!string.IsNullOrEmpty(azurite) && !quick)
            {
                var scaleFeeds = Option(args, "--scale-feeds", quick ? 30 : 10_000);
                var scaleSchedule = quick ? "*/10 * * * * *" : "0 * * * * *";
                output.WriteLine();
                output.WriteLine($"## Scale-out: local hosts on one Azurite sharing {scaleFeeds:N0} feeds (schedule `{scaleSchedule}`)");
                output.WriteLine();
                output.WriteLine("| Hosts | Feeds | First cycle (first poll of every feed, alerts in) | Next cycle (1 new story per feed, alerts in) | Feeds fetched once in it | fetched 0 or 2+ times | Alerts | Stories alerted twice |");
                output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var hostCount in quick ? new[] { 2 } : [2, 4])
                {
                    var r = await ScaleOutBenchmark.RunAsync(feeds, azurite, topicsFile, scaleFeeds, hostCount, scaleSchedule);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {r.Hosts} | {r.Feeds:N0} | {r.FirstCycle.TotalSeconds:F1} s | {r.Cycle.TotalSeconds:F1} s | {r.FeedsFetchedOnce:N0} | {r.FeedsFetchedOtherwise:N0} | {r.Alerts:N0} | {r.StoriesAlertedTwice} |"));
                }
            }

            output.WriteLine();
            output.WriteLine($"## Where the time of a {items * scale:N0}-item first poll goes (folder store)");
            output.WriteLine();
            output.WriteLine("| Step | Time |");
            output.WriteLine("|---|---:|");
            foreach (var (phase, time) in await PollPhaseProfile.RunAsync(feeds, null, topicsFile, items * scale))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {time.TotalSeconds:F2} s |"));
            output.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            File.Delete(topicsFile);
        }
    }

    private static void PrintCycles(TextWriter output, string store, IReadOnlyList<CycleCostBenchmark.Cycle> cycles)
    {
        output.WriteLine();
        output.WriteLine($"## Storage transactions per poll cycle ({store}, {cycles[0].Feeds} feeds of 20 items, one subscriber)");
        output.WriteLine();
        output.WriteLine("| Cycle | Transactions | per feed | reads | writes | by kind |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var c in cycles)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Total:N0} | {(double)c.Total / c.Feeds:F2} | {c.Reads:N0} | {c.Writes:N0} | {Kinds(c.Counts)} |"));
        var (unchanged, matching, quiet, naive) = (cycles[1], cycles[2], cycles[3], cycles[4]);
        var perMatch = (double)(matching.Total - quiet.Total) / Math.Max(1, matching.NewMatches);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per unchanged feed: **{(double)unchanged.Total / unchanged.Feeds:F2}** transactions (naive design: {(double)naive.Total / naive.Feeds:F2}); per new match, beyond a changed feed's own cost: **{perMatch:F2}** (delivery of its alert included); per changed feed without a match: {(double)quiet.Total / quiet.Feeds:F2}."));
        output.WriteLine();
        output.WriteLine("Monthly storage cost at a 5-minute schedule (8,640 cycles in 30 days), each feed changing once an hour with one new item, one in ten new items matching two topics, one subscriber; assumed prices: $0.05 per 10,000 writes and list operations, $0.004 per 10,000 reads (Azure Storage StorageV2 LRS hot, East US, pay-as-you-go list prices as published mid-2025, the same as docs/DEPLOY.md):");
        output.WriteLine();
        output.WriteLine("| Feeds | Transactions a month | Cost a month | Naive design: transactions | Naive design: cost |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var feeds in new[] { 100, 1_000, 10_000 })
        {
            var (ours, oursCost) = Monthly(feeds, unchanged, quiet, matching);
            var (theirs, theirsCost) = Monthly(feeds, naive, naive, naive);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {feeds:N0} | {ours:N0} | ${oursCost:N2} | {theirs:N0} | ${theirsCost:N2} |"));
        }
    }

    /// <summary>A month of cycles per feed: 7,920 unchanged, 648 changed without a match, 72 with a match (the naive design reads every item anyway).</summary>
    private static (double Transactions, double Dollars) Monthly(int feeds, CycleCostBenchmark.Cycle unchanged, CycleCostBenchmark.Cycle quiet, CycleCostBenchmark.Cycle matching)
    {
        double PerFeed(CycleCostBenchmark.Cycle c, Func<CycleCostBenchmark.Cycle, long> part) => (double)part(c) / c.Feeds;
        double Sum(Func<CycleCostBenchmark.Cycle, long> part) => 7_920 * PerFeed(unchanged, part) + 648 * PerFeed(quiet, part) + 72 * PerFeed(matching, part);
        var reads = Sum(c => c.Reads) * feeds;
        var writes = Sum(c => c.Writes) * feeds;
        return (reads + writes, writes / 10_000 * 0.05 + reads / 10_000 * 0.004);
    }

    private static void PrintFirstPoll(TextWriter output, string store, FirstPollBenchmark.Result r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {r.Items:N0} | {r.Summary.Matches:N0} | {r.Elapsed.TotalSeconds:F2} s | {r.Items / r.Elapsed.TotalSeconds:N0} | {r.Total:N0} | {(double)r.Total / r.Summary.Matches:F2} | {Kinds(r.Transactions)} |"));

    internal static string Kinds(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));

    internal static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    internal static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    internal static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
