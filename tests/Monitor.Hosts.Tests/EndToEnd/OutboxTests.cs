using NewsMonitor.Deliveries;
using NewsMonitor.Queues;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>Crash safety: a delivery that was planned but whose queue message was lost is re-enqueued by a later cycle's outbox sweep and delivered.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Planned_delivery_whose_queue_message_was_lost_is_delivered_after_the_grace_period()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        await using var monitor = await ServiceMonitor.StartAsync(server => [server.Serve(MainFlow.FeedPath, feed.Serve)]);
        var subscription = await monitor.SubscribeAsync("shikotan");

        Assert.Equal(1, (await monitor.Cycle.RunAsync(CancellationToken.None)).FeedsEnqueued);
        // The item matches "shikotan" and "northern-territories"; the subscriber follows one of them.
        Assert.Equal(2, Assert.Single(await monitor.WorkFeedPollsAsync()).Matches);

        // The crash: the delivery is planned but its message never reaches a worker.
        var queueFolder = Path.Combine(monitor.DataDirectory, "queues", QueueNames.AlertDeliveries);
        var messages = Directory.GetFiles(queueFolder, "*.msg");
        Assert.Single(messages);
        File.Delete(messages[0]);
        Assert.Empty(await monitor.WorkDeliveriesAsync());

        // Within the grace period the sweep leaves the delivery alone (its message may still be on its way).
        Assert.Equal(0, (await monitor.Cycle.RunAsync(CancellationToken.None)).DeliveriesRequeued);
        Assert.Empty(await monitor.WorkDeliveriesAsync());

        monitor.Time.Advance(OutboxSweeper.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await monitor.Cycle.RunAsync(CancellationToken.None)).DeliveriesRequeued);
        Assert.Equal([DeliveryStatus.Delivered], await monitor.WorkDeliveriesAsync());

        var alert = SignedAlerts.Verify(Assert.Single(monitor.Receiver.Requests), subscription.Secret, monitor.Time.GetUtcNow());
        Assert.Equal(MainFlow.Matching.Link, alert.GetProperty("data").GetProperty("item").GetProperty("link").GetString());
        var delivery = await monitor.Deliveries.GetAsync(alert.GetProperty("id").GetString()!, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Delivered, delivery!.Status);

        // Delivered work leaves the outbox: later sweeps send nothing again.
        monitor.Time.Advance(OutboxSweeper.Grace * 3);
        Assert.Equal(0, (await monitor.Cycle.RunAsync(CancellationToken.None)).DeliveriesRequeued);
        await monitor.WorkFeedPollsAsync();
        Assert.Empty(await monitor.WorkDeliveriesAsync());
        Assert.Empty(await monitor.Deliveries.ListOutboxAsync(null, CancellationToken.None).ToListAsync());
        Assert.Single(monitor.Receiver.Requests);
    }
}
