using System.Diagnostics;
using System.Globalization;

namespace NewsMonitor.Benchmarks.Scan;

/// <summary>
/// <c>dotnet run -c Release --project tests/Monitor.Benchmarks -- scan-feeds [--feeds N] [--items N] [--runs N]</c>:
/// times the real <c>monitor scan</c> executable over N loopback feeds (issue 4: 1,000 feeds of 20 items in at most
/// 10 s on a 2-core machine), with baselines in the same run: the process's own start-up (one feed), the same scan with
/// <c>--concurrency 1</c>, and a plain HttpClient that only downloads every feed. Every scan is checked: exit code 0
/// and exactly one <c>shikotan</c> match per feed. Prints a Markdown table for docs/BENCHMARKS.md.
/// </summary>
public static class ScanFeedsHarness
{
    public const string Command = "scan-feeds";

    public static async Task<int> RunAsync(string[] args)
    {
        var feeds = Option(args, "--feeds", 1000);
        var items = Option(args, "--items", 20);
        var runs = Option(args, "--runs", 5);
        var monitor = Path.Combine(AppContext.BaseDirectory, "monitor.dll");
        if (!File.Exists(monitor)) throw new FileNotFoundException("monitor.dll is not next to the harness; build tests/Monitor.Benchmarks.", monitor);

        await using var server = await LoopbackFeedServer.StartAsync(feeds, items);
        var urls = server.FeedUrls;
        Console.WriteLine($"{feeds} feeds x {items} items (~{server.FeedBytes / 1024} KiB each) on {server.BaseAddress}; {Environment.ProcessorCount} logical CPUs; {DateTimeOffset.UtcNow:u}");

        var rows = new List<(string What, IReadOnlyList<Timing> Times)>
        {
            ("`monitor scan` of 1 feed (process start-up, for reference)", await TimeAsync(runs, () => ScanAsync(monitor, urls.Take(1).ToArray(), []))),
            ($"`monitor scan --format json` of {feeds} feeds", await TimeAsync(runs, () => ScanAsync(monitor, urls, []))),
            ("baseline: same, `--concurrency 1` (sequential)", await TimeAsync(Math.Min(runs, 3), () => ScanAsync(monitor, urls, ["--concurrency", "1"]))),
            ("baseline: same as row 2 with dynamic PGO on (`DOTNET_TieredPGO=1`, the .NET default before the fix)",
                await TimeAsync(Math.Min(runs, 3), () => ScanAsync(monitor, urls, [], ("DOTNET_TieredPGO", "1")))),
            ($"baseline: plain HttpClient GET of {feeds} feeds, 64 at a time, no parsing (in process)", await TimeAsync(runs, () => DownloadAllAsync(urls))),
        };

        Console.WriteLine();
        Console.WriteLine("| What | Runs | Median wall | Min wall | Max wall | Median CPU (user+sys) of the process |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (what, times) in rows)
        {
            var wall = times.Select(t => t.Wall).Order().ToArray();
            var cpu = times.Where(t => t.Cpu is not null).Select(t => t.Cpu!.Value).Order().ToArray();
            var medianCpu = cpu.Length == 0 ? "n/a" : Seconds(cpu[cpu.Length / 2]);
            Console.WriteLine($"| {what} | {wall.Length} | {Seconds(wall[wall.Length / 2])} | {Seconds(wall[0])} | {Seconds(wall[^1])} | {medianCpu} |");
        }
        Console.WriteLine($"{server.Requests} requests served.");
        return 0;
    }

    /// <summary>One warm-up (not counted: it fills the OS file cache and JIT caches of the runtime), then <paramref name="runs"/> timed runs.</summary>
    private static async Task<IReadOnlyList<Timing>> TimeAsync(int runs, Func<Task<TimeSpan?>> run)
    {
        await run();
        var times = new List<Timing>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = await run();
            times.Add(new Timing(watch.Elapsed, cpu));
        }
        return times;
    }

    /// <summary>Wall-clock time of one run, and the CPU time of the <c>monitor</c> process when there is one.</summary>
    private sealed record Timing(TimeSpan Wall, TimeSpan? Cpu);

    /// <summary>Runs <c>dotnet monitor.dll scan --format json --allow-private-networks URL...</c> and checks its output.</summary>
    private static async Task<TimeSpan?> ScanAsync(string monitor, IReadOnlyList<string> urls, string[] extra, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var arg in new[] { monitor, "scan", "--format", "json", "--allow-private-networks" }.Concat(extra).Concat(urls))
            start.ArgumentList.Add(arg);
        var cpuBefore = ChildProcessCpu.Total();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var shikotan = (await output).Split('\n').Count(line => line.Contains("\"topic\":\"shikotan\"", StringComparison.Ordinal));
        if (process.ExitCode != 0 || shikotan != urls.Count)
            throw new InvalidOperationException($"monitor scan exited {process.ExitCode} with {shikotan} shikotan matches for {urls.Count} feeds: {await error}");
        return ChildProcessCpu.Total() - cpuBefore;
    }

    private static async Task<TimeSpan?> DownloadAllAsync(IReadOnlyList<string> urls)
    {
        using var http = new HttpClient();
        long bytes = 0;
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (url, token) =>
            Interlocked.Add(ref bytes, (await http.GetByteArrayAsync(url, token)).Length));
        if (bytes == 0) throw new InvalidOperationException("nothing downloaded");
        return null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
