using System.Text;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>Feeds that answer 404, an HTML page or garbage fail on their own: the good feed beside them keeps matching.</summary>
public sealed class BrokenFeedTests
{
    [Fact]
    public async Task Broken_feeds_do_not_stop_a_good_feed_and_report_their_errors()
    {
        var good = new NewsFeed("Good news");
        good.Add(new NewsStory("kuril-1", "Japan protests Russian drills on the Kuril islands", "https://news.example/kuril-drills"));
        Uri goodUrl = null!, missing = null!, html = null!, garbage = null!;
        await using var monitor = await LocalMonitor.StartAsync(server =>
        {
            goodUrl = server.Serve("/good.xml", good.Serve);
            missing = server.Url("/missing.xml"); // not served: the feed server answers 404
            html = server.Serve("/page.html", FeedServerResponses.Bytes(
                Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"), "text/html; charset=utf-8"));
            garbage = server.Serve("/garbage.xml", FeedServerResponses.Bytes(
                Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(), "application/rss+xml"));
            return [missing, html, goodUrl, garbage];
        });

        await monitor.UntilAsync(async () => (await monitor.MatchesAsync("northern-territories")).GetArrayLength() == 1, "the good feed's match");
        foreach (var broken in new[] { missing, html, garbage })
        {
            await monitor.UntilAsync(async () => (await monitor.FeedHealthAsync(broken)).GetProperty("consecutiveFailures").GetInt32() >= 2,
                $"two failures in a row of {broken}");
            var health = await monitor.FeedHealthAsync(broken);
            Assert.False(string.IsNullOrWhiteSpace(health.Optional("lastError")));
            Assert.Null(health.Optional("lastSuccessAt"));
        }
        Assert.Contains("404", (await monitor.FeedHealthAsync(missing)).Optional("lastError"));

        // The good feed keeps being polled and matched while the others keep failing.
        good.Add(new NewsStory("kuril-2", "Habomai fishermen report record kelp harvest", "https://news.example/habomai-kelp"));
        // One item matches several topics; each topic's match is stored in turn.
        await monitor.UntilAsync(async () => (await monitor.MatchesAsync("habomai")).GetArrayLength() == 1
            && (await monitor.MatchesAsync("northern-territories")).GetArrayLength() == 2, "the good feed's second match");
        var goodHealth = await monitor.FeedHealthAsync(goodUrl);
        Assert.Equal(0, goodHealth.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotNull(goodHealth.Optional("lastSuccessAt"));
    }
}
