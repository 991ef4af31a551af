namespace NewsMonitor.Tests.EndToEnd;

/// <summary>A feed with an ETag is fetched conditionally once it was read; its 304 answers alert nothing again.</summary>
public sealed class ConditionalGetTests
{
    [Fact]
    public async Task Feed_with_an_etag_is_fetched_with_if_none_match_and_304_sends_no_new_alert()
    {
        var feed = new NewsFeed("World news", withETag: true);
        feed.Add(MainFlow.Unrelated);
        await using var monitor = await MainFlow.StartAsync(feed);
        var subscription = await monitor.SubscribeAsync("shikotan");

        feed.Add(MainFlow.Matching);
        var etag = feed.ETag!;
        SignedAlerts.Verify(Assert.Single(await monitor.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60))), subscription.Secret);

        // The polls after the one that read this version ask with its ETag and are answered 304.
        await Eventually.UntilAsync(() => ConditionalRequests(monitor, etag) >= 3, "three conditional requests", monitor.Diagnostics);
        var firstWithEtag = monitor.Feeds.RequestsTo(MainFlow.FeedPath).ToList().FindIndex(r => r.Header("If-None-Match") == etag);
        Assert.True(firstWithEtag > 0, "the version was first fetched without its ETag");
        Assert.All(monitor.Feeds.RequestsTo(MainFlow.FeedPath).Skip(firstWithEtag), r => Assert.Equal(etag, r.Header("If-None-Match")));

        Assert.Single(monitor.Receiver.Requests);
        var health = await monitor.FeedHealthAsync(monitor.Feeds.Url(MainFlow.FeedPath));
        Assert.Equal(0, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.Null(health.Optional("lastError"));
        Assert.NotNull(health.Optional("lastSuccessAt"));
    }

    private static int ConditionalRequests(LocalMonitor monitor, string etag) =>
        monitor.Feeds.RequestsTo(MainFlow.FeedPath).Count(r => r.Header("If-None-Match") == etag);
}
