using NewsMonitor.Pipeline;

namespace NewsMonitor.Api;

/// <summary>A feed's health as <c>GET /api/feeds</c> and <c>monitor feeds</c> show it.</summary>
public sealed record FeedView(
    string Source,
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
    public static FeedView From(FeedRecord record, DateTimeOffset? nextPollAt) => new(
        record.Source,
        record.Title,
        record.State?.Url,
        record.State?.LastSuccessAt,
        record.State?.LastErrorAt,
        record.State?.LastError,
        record.State?.ConsecutiveFailures ?? 0,
        nextPollAt,
        record.ItemsSeen,
        record.MatchesFound,
        record.LeasedUntil);
}
