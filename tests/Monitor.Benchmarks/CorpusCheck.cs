using System.Diagnostics;
using NewsMonitor.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// A quick look at the generated workload without BenchmarkDotNet: compile time, hits, candidates and
/// matches per item, and items per second of the matching thread's CPU time (see <see cref="ThreadCpuClock"/>),
/// which other builds on a shared machine inflate much less than wall-clock time.
/// </summary>
public static class CorpusCheck
{
    private const int Passes = 5;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    public static void Run()
    {
        var items = NewsCorpus.Items(1000);
        Console.WriteLine($"average item size: {items.Average(i => i.Title.Length + (i.Summary?.Length ?? 0)):N0} chars");
        foreach (var count in new[] { 10, 1_000, 10_000 })
        {
            var topics = NewsCorpus.Topics(count);
            var watch = Stopwatch.StartNew();
            var matcher = TopicMatcher.Compile(topics);
            var compile = watch.Elapsed;
            long matches = 0, hits = 0, candidates = 0;
            foreach (var item in items)
            {
                matches += matcher.Match(item).Count;
                hits += MatchScratch.ForCurrentThread().HitCount;
                candidates += MatchScratch.ForCurrentThread().Candidates.Count;
            }
            // Warm up past tiered JIT recompilation (methods are promoted in the background after a delay), whose
            // background work would count as CPU time and whose tier-0 code would be measured instead of the final code.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < WarmUpTime)
            {
                foreach (var item in items) matcher.Match(item);
            }
            var cpuBefore = ThreadCpuClock.Now();
            for (var pass = 0; pass < Passes; pass++)
            {
                foreach (var item in items) matcher.Match(item);
            }
            var cpu = ThreadCpuClock.Now() - cpuBefore;
            Console.WriteLine($"{count,6} topics: {matcher.PatternCount,6} patterns, compiled in {compile.TotalMilliseconds:N0} ms; " +
                              $"per item {hits / (double)items.Length:N1} hits, {candidates / (double)items.Length:N1} candidates, {matches / (double)items.Length:N2} matches; " +
                              $"{Passes * items.Length / cpu.TotalSeconds:N0} items per {(ThreadCpuClock.IsThreadCpuTime ? "thread CPU-second" : "second")}");
        }
    }
}
