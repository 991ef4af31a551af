using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Deliveries;
using NewsMonitor.Hosting;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Subscriptions;

/// <summary>
/// Verification of intent: a subscription gets alerts only after its URL has echoed a random challenge
/// (<c>GET url?challenge=...</c>), so nobody can point the service's alerts at a URL that did not ask for them.
/// Tried when the subscription is created and again on every poll cycle while it is pending; never twice at once for
/// one subscription in one process (a cycle skips a subscription whose creating challenge is still unanswered).
/// </summary>
public sealed class SubscriptionVerifier(
    SubscriptionStore subscriptions,
    IntentVerifier verifier,
    AlertPlanner planner,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<SubscriptionVerifier> logger)
{
    /// <summary>A subscription pending longer than this is asked only every <see cref="SlowRetryInterval"/>, not every cycle.</summary>
    public static readonly TimeSpan EagerPeriod = TimeSpan.FromHours(1);

    public static readonly TimeSpan SlowRetryInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Challenges the subscription's URL once. A challenge already under way for it in this process (the API creating it
    /// while a poll cycle finds it pending) is shared, not sent twice.
    /// </summary>
    /// <param name="backfillNow">
    /// Plan the recent matches of a subscription this challenge activates at once; false when the caller does it later
    /// (the API, once its answer with the secret has gone out, so no alert can arrive before the receiver holds the secret).
    /// </param>
    public async Task<Subscription> VerifyAsync(Subscription subscription, CancellationToken cancellationToken, bool backfillNow = true)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var attempt = _inFlight.GetOrAdd(subscription.Id, _ => new Lazy<Task<Subscription>>(() => ChallengeAsync(subscription, backfillNow, cancellationToken)));
        try
        {
            return await attempt.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(subscription.Id, attempt));
        }
    }

    private readonly ConcurrentDictionary<string, Lazy<Task<Subscription>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Plans alerts for the matches of the backfill window (Monitor:BackfillWindow) of an active subscription.</summary>
    public Task<int> BackfillAsync(Subscription subscription, CancellationToken cancellationToken) =>
        planner.BackfillAsync(subscription, options.Value.BackfillWindow, cancellationToken);

    private async Task<Subscription> ChallengeAsync(Subscription subscription, bool backfillNow, CancellationToken cancellationToken)
    {
        var result = await verifier.VerifyAsync(new Uri(subscription.Url), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var updated = await subscriptions.UpdateAsync(subscription.Id, s => s is not { Status: SubscriptionStatus.Pending } ? null : result.IsVerified
            ? s with { Status = SubscriptionStatus.Active, VerifiedAt = now, LastVerificationAt = now, StatusReason = null }
            : s with { LastVerificationAt = now, StatusReason = $"Waiting for verification: the URL must answer GET ?challenge=... with 2xx and the challenge as the body (last try: {result.FailureReason})." },
            cancellationToken).ConfigureAwait(false);
        if (result.IsVerified) logger.LogInformation("Subscription {SubscriptionId} verified: {Url} answered the challenge", subscription.Id, subscription.Url);
        else logger.LogWarning("Subscription {SubscriptionId} not verified yet: {Url}: {Reason}", subscription.Id, subscription.Url, result.FailureReason);
        if (backfillNow && updated is { Status: SubscriptionStatus.Active })
            await BackfillAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated ?? await subscriptions.GetAsync(subscription.Id, cancellationToken).ConfigureAwait(false) ?? subscription;
    }

    /// <summary>Every cycle during the first hour (a receiver being set up), then every ten minutes.</summary>
    private static bool IsDue(Subscription subscription, DateTimeOffset now) =>
        now - subscription.CreatedAt < EagerPeriod || !(now - subscription.LastVerificationAt < SlowRetryInterval);

    public async Task<int> VerifyPendingAsync(CancellationToken cancellationToken)
    {
        var verified = 0;
        await foreach (var subscription in subscriptions.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscription.Status != SubscriptionStatus.Pending || !IsDue(subscription, time.GetUtcNow())) continue;
            if (subscription.Channel != Channels.SubscriptionChannel.Webhook) continue; // verified by the code sent to its channel
            if (_inFlight.ContainsKey(subscription.Id)) continue; // being challenged right now (by the API creating it)
            // The listing may be older than a challenge that has just verified it (the API's, on creation).
            if (await subscriptions.GetAsync(subscription.Id, cancellationToken).ConfigureAwait(false) is not { Status: SubscriptionStatus.Pending })
                continue;
            if ((await VerifyAsync(subscription, cancellationToken).ConfigureAwait(false)).Status == SubscriptionStatus.Active) verified++;
        }
        return verified;
    }
}
