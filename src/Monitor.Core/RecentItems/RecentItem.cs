using NewsMonitor.Feeds;

namespace NewsMonitor.RecentItems;

/// <summary>An item the pipeline saw, and when: one JSON line of a recent-items blob.</summary>
public sealed record RecentItem(NewsItem Item, DateTimeOffset SeenAt);
