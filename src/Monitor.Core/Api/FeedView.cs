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
    int MatchesFound)
{
    public static FeedView From(FeedRecord record) => new(
        record.Source,
        record.Title,
        record.State?.Url,
        record.State?.LastSuccessAt,
        record.State?.LastErrorAt,
        record.State?.LastError,
        record.State?.ConsecutiveFailures ?? 0,
        record.State?.NextPollAt,
        record.ItemsSeen,
        record.MatchesFound);
}
