using NewsMonitor.Queues;
using Microsoft.Extensions.Logging;
using NewsMonitor.Matches;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;
using NewsMonitor.Channels;
using NewsMonitor.Channels.Digests;

namespace NewsMonitor.Deliveries;

/// <summary>
/// Makes one attempt at one delivery, as the <c>DeliverAlert</c> queue function and the local host's queue worker
/// do for each message. A lease on the record keeps two copies of a message from sending twice; the outcome is
/// logged on the record, and a failed attempt schedules the next one by enqueueing the id with a visibility delay.
/// </summary>
public sealed class DeliveryHandler(
    DeliveryStore deliveries,
    SubscriptionStore subscriptions,
    MatchStore matches,
    AlertSender sender,
    RetrySchedule schedule,
    MonitorQueues queues,
    AlertHold hold,
    TimeProvider time,
    ILogger<DeliveryHandler> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A message may arrive a little before its time (clock skew, visibility rounding).</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);

    public async Task<DeliveryStatus?> HandleAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leased = await deliveries.UpdateAsync(deliveryId, d =>
            d is null || d.IsFinal || d.LeasedUntil > now || d.NextAttemptAt > now + EarlyTolerance ? null : d with { LeasedUntil = now + Lease },
            cancellationToken).ConfigureAwait(false);
        if (leased is null)
        {
            logger.LogDebug("Delivery {DeliveryId} is final, leased or not due; message dropped", deliveryId);
            return null;
        }

        var subscription = await subscriptions.GetAsync(leased.SubscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is not { Status: SubscriptionStatus.Active })
            return await FinishAsync(leased, DeliveryStatus.Cancelled, null, "subscription deleted or not active", cancellationToken).ConfigureAwait(false);

        DeliveryAttempt attempt;
        if (leased.DigestItems is { } items)
        {
            var held = await LoadMatchesAsync(items, cancellationToken).ConfigureAwait(false);
            if (held.Count == 0)
                return await FinishAsync(leased, DeliveryStatus.Cancelled, null, "every match of the digest was deleted", cancellationToken).ConfigureAwait(false);
            attempt = await sender.SendDigestAsync(leased.Id, subscription, held, leased.DigestReason ?? "digest", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var match = await matches.GetAsync(leased.MatchBlob, cancellationToken).ConfigureAwait(false);
            if (match is null)
                return await FinishAsync(leased, DeliveryStatus.Cancelled, null, "the match was deleted", cancellationToken).ConfigureAwait(false);
            if (await hold.TryHoldAsync(subscription, leased, cancellationToken).ConfigureAwait(false) is { } digestId)
                return await HeldAsync(leased, digestId, cancellationToken).ConfigureAwait(false);
            attempt = await sender.SendMatchAsync(leased.Id, subscription, match, cancellationToken).ConfigureAwait(false);
        }
        var record = AttemptRecords.From(attempt);
        logger.LogInformation("Delivery {DeliveryId} to {SubscriptionId}: {Outcome} {StatusCode} in {LatencyMs} ms",
            leased.Id, subscription.Id, record.Outcome, record.StatusCode, record.LatencyMs);

        switch (attempt.Outcome)
        {
            case DeliveryOutcome.Delivered:
                await FinishAsync(leased, DeliveryStatus.Delivered, record, null, cancellationToken).ConfigureAwait(false);
                await SendBacklogNowAsync(leased, cancellationToken).ConfigureAwait(false);
                return DeliveryStatus.Delivered;
            case DeliveryOutcome.Blocked:
                // The URL is refused by policy: retrying cannot help; dead-letter now, replay once fixed.
                return await FinishAsync(leased, DeliveryStatus.DeadLettered, record, null, cancellationToken).ConfigureAwait(false);
            case DeliveryOutcome.Gone:
                await subscriptions.UpdateAsync(subscription.Id, s => s is null ? null : s with
                {
                    Status = SubscriptionStatus.Disabled,
                    StatusReason = subscription.Channel == SubscriptionChannel.Webhook
                        ? "The receiver answered 410 Gone; subscribe again to resume alerts."
                        : $"The {subscription.Channel.Name()} webhook {record.Error}; subscribe again to resume alerts.",
                }, cancellationToken).ConfigureAwait(false);
                return await FinishAsync(leased, DeliveryStatus.Cancelled, record, null, cancellationToken).ConfigureAwait(false);
        }

        // This run has now made AttemptsInRun + 1 attempts; the schedule is asked for the delay before the next one.
        var delay = schedule.DelayBeforeAttempt(leased.AttemptsInRun + 2, attempt.RetryAfter);
        if (delay is null)
            return await FinishAsync(leased, DeliveryStatus.DeadLettered, record, null, cancellationToken).ConfigureAwait(false);

        var next = time.GetUtcNow() + delay.Value;
        await deliveries.UpdateAsync(leased.Id, d => d is null ? null : d with
        {
            AttemptsInRun = d.AttemptsInRun + 1,
            Attempts = [.. d.Attempts, record],
            NextAttemptAt = next,
            LeasedUntil = null,
        }, cancellationToken).ConfigureAwait(false);
        await queues.Deliveries.SendAsync(leased.Id, delay.Value, cancellationToken).ConfigureAwait(false);
        return DeliveryStatus.Pending;
    }

    /// <summary>
    /// The receiver answers again: its other alerts waiting for a retry go now instead of at their scheduled time,
    /// so a receiver back from an outage gets its backlog within seconds, not after the next long retry delay.
    /// </summary>
    private async Task SendBacklogNowAsync(Delivery delivered, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await foreach (var id in deliveries.ListOutboxAsync(delivered.SubscriptionId, cancellationToken).ConfigureAwait(false))
        {
            if (id == delivered.Id) continue;
            var due = await deliveries.UpdateAsync(id, d =>
                d is null || d.IsFinal || d.LeasedUntil > now || d.AttemptsInRun == 0 || d.NextAttemptAt <= now + EarlyTolerance
                    ? null
                    : d with { NextAttemptAt = now }, cancellationToken).ConfigureAwait(false);
            if (due is not null)
                await queues.Deliveries.SendAsync(id, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DeliveryStatus> HeldAsync(Delivery delivery, string digestId, CancellationToken cancellationToken)
    {
        logger.LogInformation("Delivery {DeliveryId} held for digest {DigestId}", delivery.Id, digestId);
        await deliveries.UpdateAsync(delivery.Id, d => d is null ? null : d with
        {
            Status = DeliveryStatus.Digested,
            HeldFor = digestId,
            NextAttemptAt = null,
            LeasedUntil = null,
        }, cancellationToken).ConfigureAwait(false);
        return DeliveryStatus.Digested;
    }

    private async Task<IReadOnlyList<StoredMatch>> LoadMatchesAsync(IReadOnlyList<string> blobs, CancellationToken cancellationToken)
    {
        var loaded = new List<StoredMatch>(blobs.Count);
        foreach (var blob in blobs)
        {
            if (await matches.GetAsync(blob, cancellationToken).ConfigureAwait(false) is { } match) loaded.Add(match);
        }
        return loaded;
    }

    private async Task<DeliveryStatus> FinishAsync(Delivery delivery, DeliveryStatus status, DeliveryAttemptRecord? attempt, string? note,
        CancellationToken cancellationToken)
    {
        if (note is not null) logger.LogInformation("Delivery {DeliveryId} {Status}: {Note}", delivery.Id, status, note);
        await deliveries.UpdateAsync(delivery.Id, d => d is null ? null : d with
        {
            Status = status,
            AttemptsInRun = attempt is null ? d.AttemptsInRun : d.AttemptsInRun + 1,
            Attempts = attempt is null ? d.Attempts : [.. d.Attempts, attempt],
            NextAttemptAt = null,
            LeasedUntil = null,
        }, cancellationToken).ConfigureAwait(false);
        return status;
    }
}
