namespace NewsMonitor.Tests.EndToEnd;

/// <summary>A receiver that fails (500, then 503 with Retry-After) and recovers gets the alert exactly once; the log shows every attempt.</summary>
public sealed class RetryDeliveryTests
{
    [Fact]
    public async Task Alert_arrives_once_after_the_receiver_recovers_and_the_log_lists_the_failed_attempts()
    {
        var feed = new NewsFeed("World news");
        await using var monitor = await MainFlow.StartAsync(feed);
        var subscription = await monitor.SubscribeAsync("shikotan");
        monitor.Receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.Unavailable("1"));

        feed.Add(MainFlow.Matching);
        await monitor.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60));

        var attempts = monitor.Receiver.Requests;
        Assert.Equal([500, 503, 200], attempts.Select(r => r.AnsweredStatus));
        foreach (var attempt in attempts) SignedAlerts.Verify(attempt, subscription.Secret);
        Assert.Single(attempts.Select(r => r.Header("webhook-id")).Distinct());

        var log = await monitor.WaitForDeliveryStatusAsync(subscription.Id, "delivered");
        Assert.Equal(attempts[0].Header("webhook-id"), log.GetProperty("id").GetString());
        var logged = log.GetProperty("attempts").EnumerateArray().ToArray();
        Assert.Equal([500, 503, 200], logged.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(["failed", "failed", "delivered"], logged.Select(a => a.GetProperty("outcome").GetString()));

        // Recovery is final: later cycles send nothing more.
        await monitor.WaitForPollsAsync(MainFlow.FeedPath, 3);
        Assert.Equal(3, monitor.Receiver.Requests.Count);
        Assert.Single(monitor.Receiver.Deliveries);
    }
}
