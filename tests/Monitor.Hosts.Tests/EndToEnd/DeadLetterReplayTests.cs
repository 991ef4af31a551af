using System.Net;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>After the last attempt fails the alert is dead-lettered in the delivery log; a replay sends it again with the same webhook-id.</summary>
public sealed class DeadLetterReplayTests
{
    [Fact]
    public async Task Dead_lettered_alert_is_listed_and_replay_delivers_it_with_the_same_webhook_id()
    {
        var feed = new NewsFeed("World news");
        await using var monitor = await MainFlow.StartAsync(feed);
        var subscription = await monitor.SubscribeAsync("shikotan");
        // The schedule "0,1s,1s" allows three attempts.
        monitor.Receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.ServerError, WebhookReceiverResponse.ServerError);

        feed.Add(MainFlow.Matching);
        await monitor.Receiver.WaitForRequestsAsync(3, TimeSpan.FromSeconds(60));
        var deadLetter = await monitor.WaitForDeliveryStatusAsync(subscription.Id, "dead-lettered");
        Assert.Equal([500, 500, 500], deadLetter.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        var deliveryId = deadLetter.GetProperty("id").GetString()!;
        Assert.All(monitor.Receiver.Requests, r => Assert.Equal(deliveryId, r.Header("webhook-id")));
        Assert.Empty(monitor.Receiver.Deliveries);

        using var replay = await monitor.Api.PostAsync($"api/deliveries/{deliveryId}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        var delivered = Assert.Single(await monitor.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60)));
        var alert = SignedAlerts.Verify(delivered, subscription.Secret);
        Assert.Equal(deliveryId, delivered.Header("webhook-id"));
        Assert.Equal(MainFlow.Matching.Link, alert.GetProperty("data").GetProperty("item").GetProperty("link").GetString());
        var log = await monitor.WaitForDeliveryStatusAsync(subscription.Id, "delivered");
        Assert.Equal(1, log.GetProperty("replays").GetInt32());
        Assert.Equal(4, log.GetProperty("attempts").GetArrayLength());
        Assert.Equal(4, monitor.Receiver.Requests.Count);
    }
}
