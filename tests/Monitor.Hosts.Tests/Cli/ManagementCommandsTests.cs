using System.Text.Json;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// The commands that manage a running host — feeds add/poll/remove, topics add/update/list/remove, matches, deliveries,
/// test, rotate-secret, replay, unsubscribe — in text (names and titles, not only ids) and as JSON.
/// </summary>
public sealed class ManagementCommandsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await _host.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    [Fact]
    public async Task FeedsAreAddedPolledAndRemovedByName()
    {
        var url = _host.Feeds.Serve("/more.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss));

        var added = await RunOkAsync("feeds", "add", url.AbsoluteUri, "--name", "More island news");
        Assert.Contains("Added More island news (fd_", added.Output);
        var id = JsonDocument.Parse((await RunOkAsync("feeds", "add", "https://other.example/rss", "--format", "json")).Output)
            .RootElement.GetProperty("id").GetString()!;
        var feedId = added.Output.Split('(', ')')[1];

        var polled = await RunOkAsync("feeds", "poll", feedId);
        Assert.Matches(@"Polled More island news \(fd_[0-9a-f]+\) .*: \d+ new items, \d+ matches\.", polled.Output);

        Assert.Contains($"Removed feed {id}.", (await RunOkAsync("feeds", "remove", id)).Output);
        var again = await _host.RunAsync("feeds", "remove", id);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("404", again.Error);
    }

    [Fact]
    public async Task TopicsAreAddedUpdatedListedAndRemoved()
    {
        Assert.Contains("Created Kurils [kurils] (custom): kuril*", (await RunOkAsync("topics", "add", "kurils", "--name", "Kurils", "--query", "kuril*")).Output);
        Assert.Contains("Updated Kuril islands [kurils]", (await RunOkAsync("topics", "update", "kurils", "--name", "Kuril islands", "--query", "kuril* OR курил*")).Output);

        var listed = await RunOkAsync("topics", "list");
        Assert.Contains("Kuril islands [kurils] (custom): kuril* OR курил*", listed.Output);
        Assert.Contains("[shikotan] (file)", listed.Output);

        var badQuery = await _host.RunAsync("topics", "update", "kurils", "--name", "K", "--query", "kuril AND (");
        Assert.Equal(2, badQuery.ExitCode);
        Assert.Contains("query is not valid", badQuery.Error);

        Assert.Contains("Deleted topic kurils.", (await RunOkAsync("topics", "remove", "kurils")).Output);
    }

    [Fact]
    public async Task ASubscriptionsDeliveriesShowTheStoryAndItCanBeTestedRotatedReplayedAndRemoved()
    {
        var subscription = JsonDocument.Parse((await RunOkAsync("subscribe", _host.Receiver.Url.ToString(), "--topic", "shikotan", "--format", "json")).Output).RootElement;
        var id = subscription.GetProperty("id").GetString()!;
        await _host.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60));
        var log = await WaitForDeliveredAsync(id);

        var text = (await RunOkAsync("deliveries", id)).Output;
        Assert.Contains($"delivered  {log.GetProperty("title").GetString()}", text);
        Assert.Contains(log.GetProperty("link").GetString()!, text);
        Assert.Contains("HTTP 200", text);

        var matches = (await RunOkAsync("matches", "--topic", "shikotan")).Output;
        Assert.Contains(log.GetProperty("title").GetString()!, matches);
        Assert.Contains("Matched ", matches);

        Assert.Contains("delivered  HTTP 200", (await RunOkAsync("test", id)).Output);
        Assert.Contains("secret: whsec_", (await RunOkAsync("rotate-secret", id)).Output);

        var deliveriesBefore = _host.Receiver.Deliveries.Count;
        Assert.Contains("Replay queued:", (await RunOkAsync("replay", log.GetProperty("id").GetString()!)).Output);
        await _host.Receiver.WaitForDeliveriesAsync(deliveriesBefore + 1, TimeSpan.FromSeconds(60));

        Assert.Contains($"Unsubscribed {id}.", (await RunOkAsync("unsubscribe", id)).Output);
        Assert.Contains("0 subscriptions.", (await RunOkAsync("subscriptions")).Output);
    }

    [Fact]
    public async Task BareMonitorPrintsHelp()
    {
        var result = await CliRun.InProcessAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("unsubscribe", result.Output);
    }

    private async Task<JsonElement> WaitForDeliveredAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var result = await RunOkAsync("deliveries", id, "--format", "json");
            var delivered = JsonDocument.Parse(result.Output).RootElement.EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("status").GetString() == "delivered");
            if (delivered.ValueKind == JsonValueKind.Object) return delivered.Clone();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No delivered alert in the log of {id}: {result.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
