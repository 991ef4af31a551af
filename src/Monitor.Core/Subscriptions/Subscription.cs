namespace NewsMonitor.Subscriptions;

/// <summary>
/// A webhook receiver and the topics it follows. <see cref="Secrets"/> holds the current signing secret first;
/// after a rotation the previous one stays until <see cref="PreviousSecretExpiresAt"/> so receivers can switch
/// without losing alerts. Secrets never leave the service except in the create and rotate answers.
/// </summary>
public sealed record Subscription
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required SubscriptionStatus Status { get; init; }
    public required IReadOnlyList<string> Secrets { get; init; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>When verification was last tried, so a pending subscription is not re-tried on every short cycle.</summary>
    public DateTimeOffset? LastVerificationAt { get; init; }

    /// <summary>Why the subscription is pending or disabled, in a sentence.</summary>
    public string? StatusReason { get; init; }

    /// <summary>Where alerts go: webhook (the default, also for subscriptions stored before channels existed), chat or e-mail.</summary>
    public Channels.SubscriptionChannel Channel { get; init; }

    /// <summary>Digest, quiet hours and rate limit; null sends every alert at once.</summary>
    public Channels.DeliveryPreferences? Preferences { get; init; }

    /// <summary>The code a chat or e-mail subscription is waiting for (only its hash), while pending.</summary>
    public Channels.CodeVerification? CodeVerification { get; init; }

    public bool Follows(string topicId) => Topics.Contains(topicId, StringComparer.Ordinal);

    /// <summary>The secrets to sign with now: the current one, plus the previous one while it has not expired.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecretExpiresAt is { } expires && expires > now ? Secrets : Secrets.Take(1).ToArray();
}
