using NewsMonitor.Pipeline;

namespace NewsMonitor.Api;

/// <summary>A feed of the list with its health, as <c>GET /api/feeds</c> and <c>monitor feeds</c> show it.</summary>
public sealed record FeedView(
    string Id,
    string Source,
    string? Name,
    string? Language,
    FeedOrigin Origin,
    string? Title,
    string? Url,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int ConsecutiveFailures,
    DateTimeOffset? NextPollAt,
    int ItemsSeen,
    int MatchesFound,
    DateTimeOffset? LeasedUntil = null)
{
    /// <param name="nextPollAt">The schedule's tick at which the feed will really be polled next (polls run only on ticks).</param>
    public static FeedView From(CatalogFeed feed, FeedRecord? record, DateTimeOffset? nextPollAt) => new(
        feed.Id,
        feed.Source,
        feed.Name,
        feed.Language,
        feed.Origin,
        record?.Title,
        record?.State?.Url,
        record?.State?.LastSuccessAt,
        record?.State?.LastErrorAt,
        record?.State?.LastError,
        record?.State?.ConsecutiveFailures ?? 0,
        nextPollAt,
        record?.ItemsSeen ?? 0,
        record?.MatchesFound ?? 0,
        record?.LeasedUntil);
}
