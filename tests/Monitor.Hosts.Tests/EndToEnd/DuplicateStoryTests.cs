namespace NewsMonitor.Tests.EndToEnd;

/// <summary>One story carried by two feeds — by the same canonical link, or by a near-identical title under another link — alerts once and lists both sources.</summary>
public sealed class DuplicateStoryTests
{
    [Fact]
    public async Task Same_story_in_two_feeds_reaches_the_subscriber_once_and_the_match_lists_both_sources()
    {
        var (first, second, monitor) = await StartTwoFeedsAsync();
        await using var started = monitor;
        // Every topic that matches these stories: one story is still one alert per subscriber.
        var subscription = await monitor.SubscribeAsync("shikotan", "habomai", "northern-territories");

        first.Add(
            new NewsStory("a-1", "Shikotan port reopens to the fishing fleet", "https://news.example/asia/shikotan-port"),
            new NewsStory("a-2", "Habomai ferry service for former islanders resumes after ten years", "https://first.example/habomai-ferry"));
        second.Add(
            new NewsStory("b-1", "Fishing fleet back in Shikotan harbour as port reopens",
                "https://news.example/asia/shikotan-port?utm_source=rss&utm_medium=feed&utm_campaign=asia"),
            new NewsStory("b-2", "HABOMAI Ferry Service For Former Islanders Resumes After Ten Years!", "https://second.example/news/12345"));

        await monitor.Receiver.WaitForDeliveriesAsync(2, TimeSpan.FromSeconds(60));
        await monitor.UntilAsync(async () => await BothSourcesListedAsync(monitor, "shikotan") && await BothSourcesListedAsync(monitor, "habomai"),
            "both feeds to be listed as sources of each story");
        await monitor.WaitForPollsAsync("/first.xml", 3);
        await monitor.WaitForPollsAsync("/second.xml", 3);

        var alerts = monitor.Receiver.Requests.Select(r => SignedAlerts.Verify(r, subscription.Secret)).ToArray();
        Assert.Equal(2, alerts.Length);
        Assert.Equal(2, alerts.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Single(alerts, a => a.GetProperty("data").GetProperty("item").GetProperty("title").GetString()!.Contains("Shikotan", StringComparison.OrdinalIgnoreCase));
        Assert.Single(alerts, a => a.GetProperty("data").GetProperty("item").GetProperty("title").GetString()!.Contains("Habomai", StringComparison.OrdinalIgnoreCase));

        foreach (var topic in new[] { "shikotan", "habomai" })
        {
            var match = Assert.Single((await monitor.MatchesAsync(topic)).EnumerateArray());
            var sources = match.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToArray();
            Assert.Equal(FeedUrls(monitor), sources.Order());
        }
        Assert.Equal(2, (await monitor.MatchesAsync("northern-territories")).GetArrayLength());
    }

    [Fact]
    public async Task Title_with_the_publisher_name_appended_under_another_link_is_the_same_story()
    {
        var (first, second, monitor) = await StartTwoFeedsAsync();
        await using var started = monitor;
        var subscription = await monitor.SubscribeAsync("northern-territories");

        first.Add(new NewsStory("a-1", "Kunashir airport runway to be extended for larger passenger jets next year",
            "https://first.example/kunashir-runway"));
        second.Add(new NewsStory("b-1", "Kunashir airport runway to be extended for larger passenger jets next year - Kyodo",
            "https://second.example/articles/98765"));

        await monitor.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60));
        await monitor.WaitForPollsAsync("/first.xml", 3);
        await monitor.WaitForPollsAsync("/second.xml", 3);

        SignedAlerts.Verify(Assert.Single(monitor.Receiver.Requests), subscription.Secret);
        var match = Assert.Single((await monitor.MatchesAsync("northern-territories")).EnumerateArray());
        Assert.Equal(FeedUrls(monitor), match.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Order());
    }

    private static async Task<(NewsFeed First, NewsFeed Second, LocalMonitor Monitor)> StartTwoFeedsAsync()
    {
        var first = new NewsFeed("First wire");
        var second = new NewsFeed("Second wire");
        var monitor = await LocalMonitor.StartAsync(server => [server.Serve("/first.xml", first.Serve), server.Serve("/second.xml", second.Serve)]);
        return (first, second, monitor);
    }

    private static IEnumerable<string> FeedUrls(LocalMonitor monitor) =>
        new[] { monitor.Feeds.Url("/first.xml").AbsoluteUri, monitor.Feeds.Url("/second.xml").AbsoluteUri }.Order();

    private static async Task<bool> BothSourcesListedAsync(LocalMonitor monitor, string topic) =>
        (await monitor.MatchesAsync(topic)).EnumerateArray().SingleOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } match
        && match.GetProperty("sources").GetArrayLength() == 2;
}
