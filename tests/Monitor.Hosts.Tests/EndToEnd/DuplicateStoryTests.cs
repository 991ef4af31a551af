namespace NewsMonitor.Tests.EndToEnd;

/// <summary>One story carried by two feeds — by the same canonical link, or by a near-identical title under another link — alerts once and lists both sources.</summary>
public sealed class DuplicateStoryTests
{
    [Fact]
    public async Task Same_story_in_two_feeds_reaches_the_subscriber_once_and_the_match_lists_both_sources()
    {
        var first = new NewsFeed("First wire");
        var second = new NewsFeed("Second wire");
        Uri firstUrl = null!, secondUrl = null!;
        await using var monitor = await LocalMonitor.StartAsync(server =>
        {
            firstUrl = server.Serve("/first.xml", first.Serve);
            secondUrl = server.Serve("/second.xml", second.Serve);
            return [firstUrl, secondUrl];
        });
        // Every topic that matches these stories: one story is still one alert per subscriber.
        var subscription = await monitor.SubscribeAsync("shikotan", "habomai", "northern-territories");

        first.Add(
            new NewsStory("a-1", "Shikotan port reopens to the fishing fleet", "https://news.example/asia/shikotan-port"),
            new NewsStory("a-2", "Habomai ferry service resumes after ten years", "https://first.example/habomai-ferry"));
        second.Add(
            new NewsStory("b-1", "Fishing fleet back in Shikotan harbour as port reopens",
                "https://news.example/asia/shikotan-port?utm_source=rss&utm_medium=feed&utm_campaign=asia"),
            new NewsStory("b-2", "HABOMAI Ferry Service Resumes After Ten Years!", "https://second.example/news/12345"));

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
            Assert.Equal(new[] { firstUrl.AbsoluteUri, secondUrl.AbsoluteUri }.Order(), sources.Order());
        }
        Assert.Equal(2, (await monitor.MatchesAsync("northern-territories")).GetArrayLength());
    }

    private static async Task<bool> BothSourcesListedAsync(LocalMonitor monitor, string topic) =>
        (await monitor.MatchesAsync(topic)).EnumerateArray().SingleOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } match
        && match.GetProperty("sources").GetArrayLength() == 2;
}
