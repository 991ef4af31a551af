using Microsoft.Extensions.Logging;
using NewsMonitor.Feeds;
using NewsMonitor.Matches;
using NewsMonitor.Matching;
using NewsMonitor.Queues;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Deliveries;

/// <summary>
/// Turns a match into stored state and alerts: stores the match (create-if-absent), then plans one delivery per
/// active subscriber of the topic and enqueues it. Every step is idempotent, and the match's
/// <see cref="StoredMatch.AlertsPlanned"/> flag is only set after all deliveries exist, so a cycle that crashed
/// half-way is finished by the next one instead of losing alerts.
/// </summary>
public sealed class AlertPlanner(
    MatchStore matches,
    DeliveryStore deliveries,
    MonitorQueues queues,
    TimeProvider time,
    ILogger<AlertPlanner> logger)
{
    public Task<PlanOutcome> RecordAsync(NewsItem item, TopicMatch match, string storyKey,
        IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        RecordAsync(item, match, storyKey, subscriptions, new HashSet<string>(StringComparer.Ordinal), cancellationToken);

    /// <summary>
    /// Records one match of a story. <paramref name="plannedForStory"/> holds the subscriptions whose delivery for this
    /// story already exists (planned by another topic of the same story in this poll, one call after the other): they
    /// are skipped, and a match whose followers are all in it is stored as planned at once. A new match costs one
    /// create, plus one replace of its flag when it planned deliveries, plus three requests per delivery.
    /// </summary>
    public async Task<PlanOutcome> RecordAsync(NewsItem item, TopicMatch match, string storyKey,
        IReadOnlyList<Subscription> subscriptions, ISet<string> plannedForStory, CancellationToken cancellationToken)
    {
        var blobName = MatchStore.BlobName(match.TopicId, storyKey);
        var toPlan = subscriptions
            .Where(s => s.Status == SubscriptionStatus.Active && s.Follows(match.TopicId) && !plannedForStory.Contains(s.Id))
            .ToArray();
        var stored = new StoredMatch
        {
            TopicId = match.TopicId,
            TopicName = match.TopicName,
            StoryKey = storyKey,
            Item = item,
            Hits = match.Hits,
            Snippet = match.Snippet,
            Sources = [item.Feed],
            MatchedAt = time.GetUtcNow(),
            // Nothing left to plan: the outbox flag can be set at once, which spares a write.
            AlertsPlanned = toPlan.Length == 0,
        };

        var etag = await matches.TryCreateAsync(stored, cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            var existing = await matches.UpdateAsync(blobName,
                m => m is null || m.Sources.Contains(item.Feed, StringComparer.Ordinal) ? null : m with { Sources = [.. m.Sources, item.Feed] },
                cancellationToken).ConfigureAwait(false) ?? await matches.GetAsync(blobName, cancellationToken).ConfigureAwait(false);
            if (existing is null or { AlertsPlanned: true })
                return new PlanOutcome(IsNewMatch: false, DeliveriesPlanned: 0);
        }

        var planned = 0;
        foreach (var subscription in toPlan)
        {
            if (await PlanDeliveryAsync(subscription, match.TopicId, storyKey, blobName, cancellationToken).ConfigureAwait(false))
                planned++;
            plannedForStory.Add(subscription.Id);
        }

        if (toPlan.Length > 0 || etag is null)
        {
            // Straight from the create's ETag when nobody wrote since (the usual case); else read, change, write.
            var flagged = etag is not null
                && await matches.TryReplaceAsync(blobName, stored with { AlertsPlanned = true }, etag, cancellationToken).ConfigureAwait(false);
            if (!flagged)
                await matches.UpdateAsync(blobName, m => m is null or { AlertsPlanned: true } ? null : m with { AlertsPlanned = true }, cancellationToken)
                    .ConfigureAwait(false);
        }
        if (toPlan.Length > 0)
            logger.LogInformation("Matched {TopicId} in {Feed}: {Title} ({Deliveries} alerts planned)", match.TopicId, item.Feed, item.Title, planned);
        else
            logger.LogDebug("Matched {TopicId} in {Feed}: {Title} (no alert to plan)", match.TopicId, item.Feed, item.Title);
        return new PlanOutcome(etag is not null, planned);
    }

    /// <summary>
    /// Plans alerts for the recent stored matches of a subscription's topics: a subscription verified a moment after
    /// a poll would otherwise miss the stories that poll found. Already-planned (subscription, story) pairs are skipped.
    /// </summary>
    public async Task<int> BackfillAsync(Subscription subscription, TimeSpan window, CancellationToken cancellationToken)
    {
        if (subscription.Status != SubscriptionStatus.Active || window <= TimeSpan.Zero) return 0;
        var since = time.GetUtcNow() - window;
        var planned = 0;
        foreach (var topicId in subscription.Topics)
        {
            await foreach (var match in matches.ListAsync(topicId, since, int.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (await PlanDeliveryAsync(subscription, topicId, match.StoryKey, MatchStore.BlobName(topicId, match.StoryKey), cancellationToken).ConfigureAwait(false))
                    planned++;
            }
        }
        if (planned > 0) logger.LogInformation("Subscription {SubscriptionId}: {Deliveries} alerts planned for matches of the last {Window}", subscription.Id, planned, window);
        return planned;
    }

    /// <returns>True when the delivery is new; false when this (subscription, story) was already planned.</returns>
    private async Task<bool> PlanDeliveryAsync(Subscription subscription, string topicId, string storyKey, string matchBlob, CancellationToken cancellationToken)
    {
        var delivery = new Delivery
        {
            Id = DeliveryIds.For(subscription.Id, storyKey),
            SubscriptionId = subscription.Id,
            TopicId = topicId,
            StoryKey = storyKey,
            MatchBlob = matchBlob,
            Status = DeliveryStatus.Pending,
            CreatedAt = time.GetUtcNow(),
            NextAttemptAt = time.GetUtcNow(),
        };
        // Already planned (through another topic, or by the cycle this one is finishing): the outbox covers a lost message.
        if (!await deliveries.TryCreateAsync(delivery, cancellationToken).ConfigureAwait(false)) return false;
        await queues.Deliveries.SendAsync(delivery.Id, null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
