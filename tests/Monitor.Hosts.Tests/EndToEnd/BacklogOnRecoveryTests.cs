namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// An alert waiting for a long retry goes out as soon as another alert to the same subscription gets through:
/// a receiver back from an outage gets its backlog at once, not at the next scheduled attempt.
/// </summary>
public sealed class BacklogOnRecoveryTests
{
    private static readonly NewsStory Second = new("shikotan-2", "Shikotan ferry resumes after repairs", "https://news.example/asia/shikotan-ferry");

    [Fact]
    public async Task A_failed_alert_waiting_an_hour_is_sent_when_the_next_alert_is_delivered()
    {
        var dataDirectory = MonitorSettings.NewDataDirectory();
        try
        {
            var settings = new Dictionary<string, string?>(MonitorSettings.Folder(dataDirectory))
            {
                // Without the backlog rule the first alert's second attempt would come an hour later.
                ["Monitor:Webhooks:RetryDelays"] = "0,1h",
            };
            var feed = new NewsFeed("World news");
            await using var monitor = await MainFlow.StartAsync(feed, settings);
            var subscription = await monitor.SubscribeAsync("shikotan");
            monitor.Receiver.Script(WebhookReceiverResponse.ServerError);

            feed.Add(MainFlow.Matching);
            await monitor.Receiver.WaitForRequestsAsync(1, TimeSpan.FromSeconds(60));
            Assert.Empty(monitor.Receiver.Deliveries);

            feed.Add(Second);
            var delivered = await monitor.Receiver.WaitForDeliveriesAsync(2, TimeSpan.FromSeconds(60));

            var titles = delivered.Select(d => SignedAlerts.Verify(d, subscription.Secret)
                .GetProperty("data").GetProperty("item").GetProperty("title").GetString()).Order().ToArray();
            Assert.Equal(new[] { MainFlow.Matching.Title, Second.Title }.Order(), titles);
            var firstId = monitor.Receiver.Requests[0].Header("webhook-id");
            Assert.Equal(2, monitor.Receiver.Requests.Count(r => r.Header("webhook-id") == firstId));
        }
        finally
        {
            MonitorSettings.DeleteDataDirectory(dataDirectory);
        }
    }
}
