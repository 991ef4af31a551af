using NewsMonitor.Api;

namespace NewsMonitor.Pipeline;

/// <summary>The health of every configured feed: its stored record, or an empty one when it was never polled.</summary>
public sealed class FeedHealth(FeedList feedList, FeedRecordStore records)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<FeedView>();
        foreach (var source in feedList.Sources())
        {
            var record = await records.GetAsync(source, cancellationToken).ConfigureAwait(false) ?? new FeedRecord { Source = source };
            views.Add(FeedView.From(record));
        }
        return views;
    }
}
