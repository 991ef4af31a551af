using System.Globalization;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// <c>dotnet run -c Release --project tests/Monitor.Benchmarks -- pipeline [--items N] [--scale K] [--azurite CONNECTION] [--short]</c>:
/// the pipeline figures of docs/BENCHMARKS.md. See that file for what each part measures.
/// </summary>
public static class PipelineHarness
{
    public const string Command = "pipeline";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--short");
        var items = Option(args, "--items", quick ? 300 : 20_000);
        var scale = Option(args, "--scale", 4);
        var azurite = OptionText(args, "--azurite") ?? Environment.GetEnvironmentVariable("MONITOR_TEST_STORAGE");

        Console.WriteLine($"pipeline benchmark: {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}, .NET {Environment.Version}");
        await using var feeds = await PipelineFeeds.StartAsync();
        var topicsFile = Path.Combine(Path.GetTempPath(), $"newsmonitor-bench-topics-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(topicsFile, PipelineFeeds.TopicsJson);
        try
        {
            Console.WriteLine();
            Console.WriteLine("## First poll of one feed (a third of the items match two topics each), one active subscriber");
            Console.WriteLine();
            Console.WriteLine("| Storage | Items | New matches | Time | Items/s | Transactions | per new match | by kind |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
            var stores = new List<(string Name, string? Connection)> { ("folder", null) };
            if (!string.IsNullOrEmpty(azurite)) stores.Add(("Azurite", azurite));
            foreach (var (storeName, connection) in stores)
            {
                var small = await FirstPollBenchmark.RunAsync(feeds, connection, topicsFile, items);
                PrintFirstPoll(storeName, small);
                var large = await FirstPollBenchmark.RunAsync(feeds, connection, topicsFile, items * scale);
                PrintFirstPoll(storeName, large);
                Console.WriteLine($"|  | {scale}x items: **{large.Elapsed / small.Elapsed:F2}x** the time |  |  |  |  |  |  |");
            }
            Console.WriteLine();
            Console.WriteLine($"## Where the time of a {items * scale:N0}-item first poll goes (folder store)");
            Console.WriteLine();
            Console.WriteLine("| Step | Time |");
            Console.WriteLine("|---|---:|");
            foreach (var (phase, time) in await PollPhaseProfile.RunAsync(feeds, null, topicsFile, items * scale))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {time.TotalSeconds:F2} s |"));
            Console.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            File.Delete(topicsFile);
        }
    }

    private static void PrintFirstPoll(string store, FirstPollBenchmark.Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
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
