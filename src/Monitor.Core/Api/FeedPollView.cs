namespace NewsMonitor.Api;

/// <summary>The answer to <c>POST /api/feeds/{id}/poll</c>: what the poll found, and the feed's health after it.</summary>
public sealed record FeedPollView(int NewItems, int Matches, string? Error, FeedView Feed);
