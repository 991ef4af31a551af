namespace NewsMonitor.Scanning;

/// <summary>What a scan did: feeds read and failed, items seen, matches found.</summary>
public sealed record ScanSummary(int FeedsRead, int FeedsFailed, int Items, int Matches);
