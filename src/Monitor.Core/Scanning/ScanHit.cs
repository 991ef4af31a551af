using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Scanning;

/// <summary>One item of one feed that matched one topic, as <c>monitor scan</c> and <c>monitor topics test</c> report it.</summary>
public sealed record ScanHit(NewsItem Item, TopicMatch Match);
