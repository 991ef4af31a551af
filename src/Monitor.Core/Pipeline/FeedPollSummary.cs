namespace NewsMonitor.Pipeline;

/// <summary>What one poll of one feed did; <see cref="Polled"/> is false when the feed was not due or another worker had it.</summary>
public sealed record FeedPollSummary(string Source, bool Polled, string? Error, int NewItems, int Matches)
{
    public static FeedPollSummary Skipped(string source) => new(source, false, null, 0, 0);
}
