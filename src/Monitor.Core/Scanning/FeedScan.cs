using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Scanning;

/// <summary>
/// Reads feeds (URLs or files) concurrently with a bound, matches every item against the topics and reports hits
/// and per-feed failures as they come: what <c>monitor scan</c> and <c>monitor topics test</c> do. Stores nothing.
/// </summary>
public sealed class FeedScan(FeedLoader loader)
{
    public const int DefaultMaxConcurrency = 64;

    public async Task<ScanSummary> RunAsync(
        IReadOnlyList<string> sources,
        TopicMatcher matcher,
        Action<ScanHit> onHit,
        Action<FeedFailure> onFailure,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        int read = 0, failed = 0, items = 0, matches = 0;
        await foreach (var result in loader.LoadAllAsync(sources, maxConcurrency, cancellationToken).ConfigureAwait(false))
        {
            if (result.Feed is null)
            {
                failed++;
                onFailure(new FeedFailure(result.Source, result.Error ?? "the feed could not be read"));
                continue;
            }

            read++;
            foreach (var item in result.Feed.Items)
            {
                items++;
                foreach (var match in matcher.Match(item))
                {
                    matches++;
                    onHit(new ScanHit(item, match));
                }
            }
        }
        return new ScanSummary(read, failed, items, matches);
    }
}
