namespace NewsMonitor.Tests.EndToEnd;

/// <summary>A feed is fetched once per due period, however many cycles or duplicate feed-polls messages ask for it.</summary>
public sealed class SinglePollTests
{
    private const string FeedPath = "/once.xml";

    [Fact]
    public async Task Two_cycles_back_to_back_fetch_a_feed_once_per_due_period()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        await using var monitor = await ServiceMonitor.StartAsync(server => [server.Serve(FeedPath, feed.Serve)]);

        // Both cycles find the never-polled feed due; the two messages are worked at the same time.
        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.Cycle.RunAsync(CancellationToken.None);
        var first = await monitor.WorkFeedPollsAsync();
        Assert.Equal(2, first.Count);
        Assert.Single(first, s => s.Polled);
        Assert.Single(monitor.Feeds.RequestsTo(FeedPath));

        // Not due again yet: no message at all.
        Assert.Equal(0, (await monitor.Cycle.RunAsync(CancellationToken.None)).FeedsEnqueued);
        Assert.Empty(await monitor.WorkFeedPollsAsync());
        Assert.Single(monitor.Feeds.RequestsTo(FeedPath));

        // The next due period: again two cycles, one fetch.
        monitor.Time.Advance(TimeSpan.FromMinutes(3));
        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.Cycle.RunAsync(CancellationToken.None);
        var second = await monitor.WorkFeedPollsAsync();
        Assert.Equal(2, second.Count);
        Assert.Single(second, s => s.Polled);
        Assert.Equal(2, monitor.Feeds.RequestsTo(FeedPath).Count);
    }
}
