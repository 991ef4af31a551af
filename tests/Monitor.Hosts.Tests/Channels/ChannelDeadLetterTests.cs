using System.Text;
using NewsMonitor.Channels;
using NewsMonitor.Channels.Digests;
using NewsMonitor.Deliveries;
using NewsMonitor.Tests.EndToEnd;

namespace NewsMonitor.Tests.Channels;

/// <summary>Chat alerts and digests are deliveries like webhook alerts: retried on the schedule, dead-lettered, and replayed with the same id.</summary>
public sealed class ChannelDeadLetterTests
{
    [Fact]
    public async Task A_digest_that_keeps_failing_is_dead_lettered_and_replayed_once_the_channel_is_back()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        await using var monitor = await ServiceMonitor.StartAsync(server => [server.Serve(MainFlow.FeedPath, feed.Serve)]);
        monitor.Receiver.PayloadCheck = ChatPayloadRules.Slack;
        var preferences = new DeliveryPreferences { Digest = DigestFrequency.Hourly };
        var subscription = await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Slack, preferences, "shikotan");
        var due = DigestWindows.DueFor(preferences, monitor.Time.GetUtcNow(), overRateLimit: false)!.Value;
        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.WorkFeedPollsAsync();
        Assert.Equal([DeliveryStatus.Digested], await monitor.WorkDeliveriesAsync());

        // The schedule of these tests is three attempts (0, 1 s, 1 s); the channel fails all three.
        monitor.Receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.ServerError, WebhookReceiverResponse.ServerError);
        monitor.Time.SetUtcNow(due);
        Assert.Equal(1, await monitor.Get<DigestScheduler>().RunAsync(CancellationToken.None));
        Assert.Equal([DeliveryStatus.Pending], await monitor.WorkDeliveriesAsync());
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            monitor.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal([attempt == 3 ? DeliveryStatus.DeadLettered : DeliveryStatus.Pending], await monitor.WorkDeliveriesAsync());
        }

        var digestId = DigestStore.DeliveryId(subscription.Id, due);
        var (replayed, _) = await monitor.Get<DeliveryReplayer>().ReplayAsync(digestId, CancellationToken.None);
        Assert.NotNull(replayed);
        Assert.Equal([DeliveryStatus.Delivered], await monitor.WorkDeliveriesAsync());

        var digest = await monitor.Deliveries.GetAsync(digestId, CancellationToken.None);
        Assert.Equal(4, digest!.Attempts.Count);
        Assert.Equal(1, digest.Replays);
        Assert.Contains(MainFlow.Matching.Title, Encoding.UTF8.GetString(monitor.Receiver.Deliveries.Single().Body));
    }

    [Fact]
    public async Task A_chat_hook_that_is_gone_disables_the_subscription()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        await using var monitor = await ServiceMonitor.StartAsync(server => [server.Serve(MainFlow.FeedPath, feed.Serve)]);
        var subscription = await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Discord, null, "shikotan");
        monitor.Receiver.Script(new WebhookReceiverResponse(404, Body: """{"message": "Unknown Webhook", "code": 10015}"""));

        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.WorkFeedPollsAsync();

        Assert.Equal([DeliveryStatus.Cancelled], await monitor.WorkDeliveriesAsync());
        var stored = await monitor.Get<Subscriptions.SubscriptionStore>().GetAsync(subscription.Id, CancellationToken.None);
        Assert.Equal(Subscriptions.SubscriptionStatus.Disabled, stored!.Status);
        Assert.Equal("The discord webhook answered 404: {\"message\": \"Unknown Webhook\", \"code\": 10015} (the channel or its webhook was removed); subscribe again to resume alerts.",
            stored.StatusReason);
    }
}
