using System.Runtime.CompilerServices;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Scanning;

/// <summary>
/// Reads feeds (URLs or files) concurrently with a bound, matches every item against the topics and reports hits
/// and per-feed failures as they come: what <c>monitor scan</c> and <c>monitor topics test</c> do. Stores nothing.
/// Hits are reported one at a time, in item order within a feed, on the caller's flow.
/// </summary>
public sealed class FeedScan(FeedLoader loader)
{
    public const int DefaultMaxConcurrency = 64;

    /// <summary>Items matched by one thread-pool task; a feed with no more than this is matched where it is read.</summary>
    internal const int ItemsPerTask = 32;

    /// <summary>
    /// Tasks of one feed matching ahead of the hits being reported: enough to keep every core busy while the caller
    /// prints, few enough that the matches waiting to be printed stay small (an item can match hundreds of topics).
    /// </summary>
    private static readonly int TasksAhead = Environment.ProcessorCount * 2;

    public Task<ScanSummary> RunAsync(
        IReadOnlyList<string> sources,
        TopicMatcher matcher,
        Action<ScanHit> onHit,
        Action<FeedFailure> onFailure,
        int maxConcurrency,
        CancellationToken cancellationToken) =>
        RunAsync(sources, Task.FromResult(matcher), onHit, onFailure, maxConcurrency, cancellationToken);

    /// <summary>
    /// The same, with the topics still being compiled: the feeds are read meanwhile and matched once the matcher is
    /// ready (compiling 10,000 topics takes a few hundred milliseconds that reading and parsing the feeds can hide).
    /// A compilation that fails (a bad topics file, when loading it is part of the task) fails the scan with its
    /// exception at once: the feeds still being read are cancelled, and nothing is matched or reported.
    /// </summary>
    public async Task<ScanSummary> RunAsync(
        IReadOnlyList<string> sources,
        Task<TopicMatcher> matcher,
        Action<ScanHit> onHit,
        Action<FeedFailure> onFailure,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        if (matcher.IsFaulted) await matcher.ConfigureAwait(false); // failed already: read nothing
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = matcher.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), stop,
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await ReadAndMatchAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (matcher.IsFaulted && !cancellationToken.IsCancellationRequested)
        {
            await matcher.ConfigureAwait(false); // throws the compilation's own exception
            throw;
        }

        async Task<ScanSummary> ReadAndMatchAsync(CancellationToken token)
        {
            int read = 0, failed = 0, items = 0, matches = 0;
            await foreach (var result in loader.LoadAllAsync(sources, maxConcurrency, token).ConfigureAwait(false))
            {
                if (result.Feed is null)
                {
                    failed++;
                    onFailure(new FeedFailure(result.Source, result.Error ?? "the feed could not be read"));
                    continue;
                }

                read++;
                items += result.Feed.Items.Count;
                matches += await MatchAsync(result.Feed.Items, await matcher.ConfigureAwait(false), onHit, token).ConfigureAwait(false);
            }
            await matcher.ConfigureAwait(false); // also when no feed could be read
            return new ScanSummary(read, failed, items, matches);
        }
    }

    private static void CancelQuietly(CancellationTokenSource stop)
    {
        try { stop.Cancel(); }
        catch (ObjectDisposedException) { } // the scan already ended (it awaited the failed matcher itself)
    }

    /// <summary>
    /// Matches a feed's items and reports the hits in item order. A large feed is matched a slice at a time on the
    /// thread pool, several slices ahead of the one being reported: matching is per item and the matcher is
    /// thread-safe, and with a topic set that matches each item many times, matching and explaining the hits took
    /// as long as printing them, one after the other on one core.
    /// </summary>
    private static async Task<int> MatchAsync(IReadOnlyList<NewsItem> items, TopicMatcher matcher, Action<ScanHit> onHit, CancellationToken cancellationToken)
    {
        if (items.Count <= ItemsPerTask) return Report(MatchSlice(items, 0, items.Count, matcher), onHit);

        var matches = 0;
        var ahead = new Queue<Task<ItemMatches[]>>();
        var next = 0;
        while (next < items.Count || ahead.Count > 0)
        {
            while (next < items.Count && ahead.Count < TasksAhead)
            {
                var (from, to) = (next, Math.Min(items.Count, next + ItemsPerTask));
                ahead.Enqueue(Task.Run(() => MatchSlice(items, from, to, matcher), cancellationToken));
                next = to;
            }
            matches += Report(await ahead.Dequeue().ConfigureAwait(false), onHit);
        }
        return matches;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private static ItemMatches[] MatchSlice(IReadOnlyList<NewsItem> items, int from, int to, TopicMatcher matcher)
    {
        var slice = new ItemMatches[to - from];
        for (var i = from; i < to; i++) slice[i - from] = new ItemMatches(items[i], matcher.Match(items[i]));
        return slice;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private static int Report(ItemMatches[] slice, Action<ScanHit> onHit)
    {
        var matches = 0;
        foreach (var (item, itemMatches) in slice)
        {
            foreach (var match in itemMatches)
            {
                matches++;
                onHit(new ScanHit(item, match));
            }
        }
        return matches;
    }

    private readonly record struct ItemMatches(NewsItem Item, IReadOnlyList<TopicMatch> Matches);
}
