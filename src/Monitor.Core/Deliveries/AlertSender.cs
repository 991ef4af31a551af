using NewsMonitor.Alerts;
using NewsMonitor.Channels;
using NewsMonitor.Feeds;
using NewsMonitor.Matches;
using NewsMonitor.Matching;
using NewsMonitor.Subscriptions;
using NewsMonitor.Telemetry;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Deliveries;

/// <summary>
/// Builds the CloudEvent for a stored match (its id is the delivery id, so webhook-id is stable across retries and
/// replays), signs it with the subscription's secrets and makes one attempt.
/// </summary>
public sealed class AlertSender(WebhookSender sender, ChannelSender channels, MonitorMetrics metrics, TimeProvider time)
{
    public const string TestEventType = "newsmonitor.test";

    public async Task<DeliveryAttempt> SendMatchAsync(string deliveryId, Subscription subscription, StoredMatch match, CancellationToken cancellationToken)
    {
        if (subscription.Channel != SubscriptionChannel.Webhook)
            return Counted(await channels.SendAlertAsync(deliveryId, subscription, match, cancellationToken).ConfigureAwait(false));

        // The event's time is when the story matched, so every retry and replay sends the same body.
        var alert = AlertEventFactory.Create(deliveryId, match.ToTopicMatch(), match.Item, match.MatchedAt, match.Sources);
        return await SendAsync(subscription, alert, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the held alerts of a chat or e-mail subscription as one digest message.</summary>
    public async Task<DeliveryAttempt> SendDigestAsync(string deliveryId, Subscription subscription, IReadOnlyList<StoredMatch> matches, string why,
        CancellationToken cancellationToken) =>
        Counted(await channels.SendDigestAsync(deliveryId, subscription, matches, why, cancellationToken).ConfigureAwait(false));

    /// <summary>Sends a <c>newsmonitor.test</c> event shaped like a real alert, so receivers can be checked end to end.</summary>
    public Task<DeliveryAttempt> SendTestAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var topicId = subscription.Topics[0];
        var item = new NewsItem
        {
            Feed = "urn:newsmonitor:test",
            Id = $"test-{now.ToUnixTimeMilliseconds()}",
            Title = "NewsMonitor test alert",
            Summary = "This is a test event sent on request; it reports no real story.",
            Published = now,
        };
        var match = new TopicMatch(topicId, topicId, [new TermHit("test", "title")], "NewsMonitor [test] alert");
        var testId = $"test_{subscription.Id}_{now.ToUnixTimeMilliseconds()}";
        if (subscription.Channel != SubscriptionChannel.Webhook)
        {
            var stored = new StoredMatch
            {
                TopicId = topicId, TopicName = topicId, StoryKey = "test", Item = item, Hits = match.Hits, Snippet = match.Snippet,
                Sources = [item.Feed], MatchedAt = now,
            };
            return channels.SendAlertAsync(testId, subscription, stored, cancellationToken);
        }
        var alert = AlertEventFactory.Create(testId, match, item, now) with { Type = TestEventType };
        return SendAsync(subscription, alert, cancellationToken);
    }

    private async Task<DeliveryAttempt> SendAsync(Subscription subscription, AlertEvent alert, CancellationToken cancellationToken)
    {
        var secrets = subscription.SigningSecrets(time.GetUtcNow()).Select(WebhookSecret.Parse).ToArray();
        var attempt = await sender.SendAsync(new Uri(subscription.Url), alert.Id, AlertEventFactory.Serialize(alert), secrets, cancellationToken)
            .ConfigureAwait(false);
        return Counted(attempt);
    }

    private DeliveryAttempt Counted(DeliveryAttempt attempt)
    {
        metrics.DeliveryAttempted(attempt.Outcome switch
        {
            Webhooks.DeliveryOutcome.Delivered => Telemetry.DeliveryOutcome.Delivered,
            Webhooks.DeliveryOutcome.Gone => Telemetry.DeliveryOutcome.Disabled,
            Webhooks.DeliveryOutcome.Blocked => Telemetry.DeliveryOutcome.DeadLettered,
            _ => Telemetry.DeliveryOutcome.Retrying,
        }, attempt.Latency);
        return attempt;
    }
}
