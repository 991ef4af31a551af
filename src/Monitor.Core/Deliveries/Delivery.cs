namespace NewsMonitor.Deliveries;

/// <summary>
/// One alert for one subscription about one story: the unit of "exactly once". Its id is derived from
/// (subscription, story), so planning the same story again finds the existing record instead of sending twice;
/// the id is also the CloudEvent id and the <c>webhook-id</c>, stable across retries and replays.
/// </summary>
public sealed record Delivery
{
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string TopicId { get; init; }
    public required string StoryKey { get; init; }

    /// <summary>Blob name of the stored match this alert reports.</summary>
    public required string MatchBlob { get; init; }

    public required DeliveryStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>While set and in the future, one worker holds the delivery; others leave it alone.</summary>
    public DateTimeOffset? LeasedUntil { get; init; }

    /// <summary>Attempts since the last (re)play started: drives the retry schedule.</summary>
    public int AttemptsInRun { get; init; }

    public int Replays { get; init; }
    public IReadOnlyList<DeliveryAttemptRecord> Attempts { get; init; } = [];

    /// <summary>For a digest (chat and e-mail channels): the stored matches it reports; null for a single story's alert.</summary>
    public IReadOnlyList<string>? DigestItems { get; init; }

    /// <summary>For a digest: why its alerts were held ("quiet hours", "daily digest", ...).</summary>
    public string? DigestReason { get; init; }

    /// <summary>For an alert held back (status <see cref="DeliveryStatus.Digested"/>): the digest delivery it went out in.</summary>
    public string? HeldFor { get; init; }

    public bool IsFinal => Status is not DeliveryStatus.Pending;
}
