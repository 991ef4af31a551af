using NewsMonitor.Api;

namespace NewsMonitor.Pipeline;

/// <summary>The health of every feed of the list: its stored record, or an empty one when it was never polled.</summary>
public sealed class FeedHealth(FeedCatalog catalog, FeedRecordStore records)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<FeedView>();
        foreach (var feed in await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
            views.Add(await ViewAsync(feed, cancellationToken).ConfigureAwait(false));
        return views;
    }

    public async Task<FeedView> ViewAsync(CatalogFeed feed, CancellationToken cancellationToken) =>
        FeedView.From(feed, await records.GetAsync(feed.Source, cancellationToken).ConfigureAwait(false));
}
