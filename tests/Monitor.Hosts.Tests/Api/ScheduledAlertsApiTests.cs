using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// The acceptance run through the API: a host polling every two seconds and a subscriber verified before the
/// story appears; the new story arrives as exactly one signed CloudEvent, the unrelated item as nothing, and later
/// polls of the same feed send nothing again.
/// </summary>
public sealed class ScheduledAlertsApiTests() : LocalHostTests(
    settings: new Dictionary<string, string?> { ["Monitor:PollSchedule"] = "*/2 * * * * *" },
    feed: StoryFeed.Rss(("story-bakery", StoryFeed.UnrelatedTitle, "https://news.example/bakery")))
{
    [Fact]
    public async Task ANewStoryIsAlertedOnceAndLaterPollsSendNothingAgain()
    {
        var created = await host.SubscribeAsync("shikotan");
        Assert.Equal("active", created.GetProperty("status").GetString());
        await WaitForPollAfterAsync(DateTimeOffset.UtcNow);

        host.ServeFeed(StoryFeed.ShikotanAndUnrelated());
        var alert = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1, ApiHost.Deadline));

        Assert.Null(StandardWebhooksVerifier.Check(created.GetProperty("secret").GetString()!, alert, DateTimeOffset.UtcNow));
        using (var cloudEvent = JsonDocument.Parse(alert.Body))
        {
            Assert.Equal("newsmonitor.match", cloudEvent.RootElement.GetProperty("type").GetString());
            Assert.Equal(StoryFeed.ShikotanTitle, cloudEvent.RootElement.GetProperty("data").GetProperty("item").GetProperty("title").GetString());
        }

        // Two more successful polls of the same feed after the alert: still one POST.
        var polled = await WaitForPollAfterAsync(DateTimeOffset.UtcNow);
        await WaitForPollAfterAsync(polled);
        Assert.Single(host.Receiver.Requests);
    }

    /// <summary>Waits for a successful poll of the feed later than <paramref name="since"/>; returns its time.</summary>
    private async Task<DateTimeOffset> WaitForPollAfterAsync(DateTimeOffset since)
    {
        var feeds = await host.WaitForAsync("api/feeds", list => list.EnumerateArray().Any(f =>
            f.TryGetProperty("lastSuccessAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() > since),
            "a poll after " + since.ToString("O", CultureInfo.InvariantCulture));
        return Assert.Single(feeds.EnumerateArray()).GetProperty("lastSuccessAt").GetDateTimeOffset();
    }
}
