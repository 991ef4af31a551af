namespace NewsMonitor.Pipeline;

/// <summary>What one poll of one feed did; <see cref="Polled"/> is false when the feed was not due or another worker had it.</summary>
public sealed record FeedPollSummary(string Source, bool Polled, string? Error, int NewItems, int Matches)
{
    public static FeedPollSummary Skipped(string source) => new(source, false, null, 0, 0);

    /// <summary>The totals of several feeds' polls (a batched message): sources one per line, the first error.</summary>
    public static FeedPollSummary Combine(IReadOnlyList<FeedPollSummary> polls) =>
        polls.Count == 1 ? polls[0] : new(string.Join('\n', polls.Select(p => p.Source)), polls.Any(p => p.Polled),
            polls.Select(p => p.Error).FirstOrDefault(e => e is not null), polls.Sum(p => p.NewItems), polls.Sum(p => p.Matches));
}
