namespace NewsMonitor.RecentItems;

/// <summary>
/// Section <c>Monitor:RecentItems</c>: how long the pipeline keeps the items it has seen, for backtests of queries
/// before they are saved. Kept by day, gzip-compressed; days older than <see cref="Days"/> are deleted.
/// </summary>
public sealed class RecentItemsOptions
{
    public const string SectionName = "Monitor:RecentItems";

    /// <summary>Days of seen items kept (today included); 0 keeps none and turns the store off.</summary>
    public int Days { get; set; } = 7;

    /// <summary>A summary is cut to this many characters before it is kept: a backtest needs the text, not whole articles.</summary>
    public int MaxSummaryChars { get; set; } = 2000;
}
