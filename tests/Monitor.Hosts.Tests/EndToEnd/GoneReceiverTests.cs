namespace NewsMonitor.Tests.EndToEnd;

/// <summary>A receiver that answers 410 Gone unsubscribes: the subscription is disabled and nothing more is sent.</summary>
public sealed class GoneReceiverTests
{
    [Fact]
    public async Task Gone_disables_the_subscription_and_later_matches_send_nothing()
    {
        var feed = new NewsFeed("World news");
        await using var monitor = await MainFlow.StartAsync(feed);
        var subscription = await monitor.SubscribeAsync("shikotan");
        monitor.Receiver.Script(WebhookReceiverResponse.Gone);

        feed.Add(MainFlow.Matching);
        var gone = Assert.Single(await monitor.Receiver.WaitForRequestsAsync(1, TimeSpan.FromSeconds(60)));
        SignedAlerts.Verify(gone, subscription.Secret);

        await monitor.UntilAsync(async () => (await monitor.GetJsonAsync($"api/subscriptions/{subscription.Id}")).GetProperty("status").GetString() == "disabled",
            "the subscription to be disabled");
        var log = await monitor.WaitForDeliveryStatusAsync(subscription.Id, "cancelled");
        Assert.Equal(410, Assert.Single(log.GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());

        // A new matching story is stored, but the disabled subscriber is not alerted.
        feed.Add(new NewsStory("shikotan-2", "Shikotan school gets a new roof", "https://news.example/asia/shikotan-school"));
        await monitor.UntilAsync(async () => (await monitor.MatchesAsync("shikotan")).GetArrayLength() == 2, "the second match");
        await monitor.WaitForPollsAsync(MainFlow.FeedPath, 3);
        Assert.Single(monitor.Receiver.Requests);
        Assert.Single((await monitor.DeliveriesAsync(subscription.Id)).EnumerateArray());
    }
}
