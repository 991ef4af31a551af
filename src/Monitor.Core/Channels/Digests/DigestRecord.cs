namespace NewsMonitor.Channels.Digests;

/// <summary>
/// The alerts held for one subscription until <see cref="DueAt"/> (<c>digests/{subscription}/{due unix seconds}.json</c>).
/// Once <see cref="Closed"/> no alert is added: the scheduler closes it, then turns it into one digest delivery whose
/// id is derived from the same (subscription, due time), so the digest is created once however often that is retried.
/// </summary>
public sealed record DigestRecord
{
    public required string SubscriptionId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required IReadOnlyList<DigestItem> Items { get; init; }

    /// <summary>Why alerts were held ("quiet hours", "daily digest", "over 5 alerts an hour"), each once.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool Closed { get; init; }
}

/// <summary>One held alert: the story delivery it came from and the stored match it reports.</summary>
public sealed record DigestItem(string DeliveryId, string MatchBlob);
