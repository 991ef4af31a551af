using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// The first poll measured from outside, as issue 15 measured it: the real executable (<c>dotnet monitor.dll run --data
/// DIR --feed URL</c>, folder store, one feed of N items) is started, and <c>GET /api/feeds</c> is asked every 50 ms
/// until the feed shows N items seen. Baseline in the same run: the same command until its API first answers (start-up).
/// </summary>
public static class OutsideFirstPoll
{
    public sealed record Result(int Items, TimeSpan StartUp, TimeSpan Done)
    {
        public TimeSpan Poll => Done - StartUp;
    }

    public static async Task<Result> RunAsync(PipelineFeeds feeds, string topicsFile, int items)
    {
        var monitor = Path.Combine(AppContext.BaseDirectory, "monitor.dll");
        if (!File.Exists(monitor)) throw new FileNotFoundException("monitor.dll is not next to the harness; build tests/Monitor.Benchmarks.", monitor);
        var url = feeds.Set($"outside-{items}-{Guid.NewGuid():N}", 0, items);
        var data = Directory.CreateTempSubdirectory("newsmonitor-outside-");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["Monitor__FeedReading__MaxBodyBytes"] = (512L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        foreach (var argument in new[] { monitor, "run", "--data", data.FullName, "--feed", url, "--topics", topicsFile, "--allow-private-networks",
                     "--urls", $"http://127.0.0.1:{port}", "--schedule", "0 0 * * * *" }) // hourly: only the poll at start runs
            start.ArgumentList.Add(argument);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            TimeSpan? startUp = null;
            while (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                if (process.HasExited) throw new InvalidOperationException($"monitor run exited with {process.ExitCode}:\n{string.Join('\n', log.TakeLast(20))}");
                try
                {
                    using var feedsView = JsonDocument.Parse(await client.GetStringAsync("api/feeds"));
                    startUp ??= clock.Elapsed;
                    var list = feedsView.RootElement.ValueKind == JsonValueKind.Array ? feedsView.RootElement : feedsView.RootElement.GetProperty("feeds");
                    if (list.EnumerateArray().Any(f => f.GetProperty("itemsSeen").GetInt32() >= items))
                        return new Result(items, startUp.Value, clock.Elapsed);
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
            throw new TimeoutException($"The {items}-item first poll did not finish within 10 minutes.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
