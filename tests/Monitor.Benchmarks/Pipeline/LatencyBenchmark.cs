using System.Diagnostics;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// From a new item appearing in a feed to its signed alert arriving at the loopback receiver, through a real local host
/// polling on a schedule: items matching two topics appear one at a time at random moments spread over several
/// schedule periods, on random feeds; each alert's signature is checked and its latency taken from the item's link.
/// </summary>
public static class LatencyBenchmark
{
    public sealed record Result(string Schedule, int Items, double P50, double P95, double Max, int Duplicates);

    public static async Task<Result> RunAsync(PipelineFeeds server, string topicsFile, int items, int feedCount, string schedule, TimeSpan spread)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, feedCount).Select(i => $"latency-{run}-{i}").ToArray();
        var served = names.ToDictionary(n => n, _ => new List<int>());
        var urls = names.Select(n => server.Set(n, [])).ToArray();
        var alertsBefore = server.Alerts.Count;
        await using var hosts = await BenchHosts.StartAsync(1, null, urls, topicsFile, schedule, server.AlertsUrl);

        var random = new Random(15);
        var appeared = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < items; k++)
        {
            // Evenly spread moments with a random offset each: the phase against the schedule is what varies.
            var at = spread * ((k + random.NextDouble()) / items);
            if (at > clock.Elapsed) await Task.Delay(at - clock.Elapsed);
            var name = names[random.Next(names.Length)];
            var number = 3 * (k + 1); // multiples of 3 match both topics
            served[name].Insert(0, number);
            server.Set(name, served[name]);
            appeared[PipelineFeeds.ItemLink(name, number)] = Stopwatch.GetTimestamp();
        }

        await server.WaitForAlertsAsync(alertsBefore + items, TimeSpan.FromMinutes(2));
        var alerts = server.Alerts.Skip(alertsBefore).ToArray();
        if (alerts.Length < items) throw new InvalidOperationException($"Only {alerts.Length} of {items} alerts arrived.");
        if (alerts.Any(a => !a.IsSignedWith(hosts.Secret))) throw new InvalidOperationException("An alert's signature did not verify.");
        var latencies = alerts.GroupBy(a => a.ItemLink)
            .Select(g => Stopwatch.GetElapsedTime(appeared[g.Key], g.Min(a => a.ArrivedAt)).TotalSeconds)
            .Order().ToArray();
        return new Result(schedule, latencies.Length, Percentile(latencies, 0.5), Percentile(latencies, 0.95), latencies[^1],
            alerts.Length - alerts.Select(a => a.Id).Distinct().Count());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
