namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// The product's main story, run against any storage: a subscriber of "shikotan" gets exactly one signed alert for the
/// one matching item that appears in a served feed, none for unrelated items, and none again in later cycles.
/// </summary>
public static class MainFlow
{
    public const string FeedPath = "/world.xml";

    public static readonly NewsStory Unrelated = new("bakery-1", "Local bakery wins national bread award", "https://news.example/local/bakery");
    public static readonly NewsStory AlsoUnrelated = new("rail-1", "Commuter rail timetable changes next month", "https://news.example/local/rail");
    public static readonly NewsStory Matching = new("shikotan-1", "Fishermen return to Shikotan after the storm",
        "https://news.example/asia/shikotan-fishermen", "The boats went back to sea on Monday.");

    public static Task<LocalMonitor> StartAsync(NewsFeed feed, IReadOnlyDictionary<string, string?>? storage = null) =>
        LocalMonitor.StartAsync(server => [server.Serve(FeedPath, feed.Serve)], storage);

    public static async Task RunAsync(LocalMonitor monitor, NewsFeed feed)
    {
        var subscription = await monitor.SubscribeAsync("shikotan");

        // Unrelated items alone send nothing, however many cycles run.
        await monitor.WaitForPollsAsync(FeedPath, 2);
        Assert.Empty(monitor.Receiver.Requests);

        feed.Add(Matching, AlsoUnrelated);
        var delivered = await monitor.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60));
        var alert = SignedAlerts.Verify(delivered.Single(), subscription.Secret);
        var data = alert.GetProperty("data");
        Assert.Equal("shikotan", data.GetProperty("topic").GetProperty("id").GetString());
        Assert.Equal(Matching.Title, data.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal(Matching.Link, data.GetProperty("item").GetProperty("link").GetString());
        Assert.NotEmpty(data.GetProperty("terms").EnumerateArray());
        Assert.Contains("shikotan", data.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);

        // Unrelated items are stored under no topic at all.
        Assert.All((await monitor.GetJsonAsync("api/matches")).EnumerateArray(),
            m => Assert.Equal(Matching.Title, m.GetProperty("item").GetProperty("title").GetString()));
        var matches = (await monitor.MatchesAsync("shikotan")).EnumerateArray().ToArray();
        var match = Assert.Single(matches);
        Assert.Equal(Matching.Title, match.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal(Matching.Link, match.GetProperty("item").GetProperty("link").GetString());

        // Later cycles fetch the same items again and send nothing more.
        await monitor.WaitForPollsAsync(FeedPath, 3);
        Assert.Single(monitor.Receiver.Requests);
        var log = await monitor.WaitForDeliveryStatusAsync(subscription.Id, "delivered");
        Assert.Equal(alert.GetProperty("id").GetString(), log.GetProperty("id").GetString());
        Assert.Single(log.GetProperty("attempts").EnumerateArray());
    }
}
