using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// <c>monitor feeds --data DIR --feed URL</c> shows the health the poller stored in DIR: last success, last error and
/// its reason, consecutive failures, next poll (issue 4, item 5). State comes from real polls through AddNewsMonitor.
/// </summary>
public sealed class FeedsCommandTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private FeedServer _server = null!;
    private string _good = null!;
    private string _broken = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _good = _server.Serve("/islands.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss)).ToString();
        _broken = _server.Serve("/down.rss", FeedServerResponses.Status(503)).ToString();
    }

    [Fact]
    public async Task After_a_poll_the_text_form_shows_a_healthy_feed_and_a_failing_one_with_its_reason()
    {
        await PollOnceAsync(_good, _broken);

        var result = await CliRun.InProcessAsync("feeds", "--data", _data.Path, "--feed", _good, "--feed", _broken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines.ToList();
        // Each feed's first line: its name (or "feed" when it has none), its id, its source.
        var good = lines.FindIndex(l => l.EndsWith(") " + _good, StringComparison.Ordinal));
        var broken = lines.FindIndex(l => l.EndsWith(") " + _broken, StringComparison.Ordinal));
        Assert.True(good >= 0 && broken >= 0, result.Output);
        Assert.StartsWith("ok, last success ", lines[good + 1]);
        // The item about Shikotan matches two seed topics: shikotan and northern-territories.
        Assert.Contains("3 items, 2 matches", lines[good + 1]);
        Assert.StartsWith("FAILING x1: HTTP 503", lines[broken + 1]);
        Assert.Contains("next poll 20", lines[broken + 1]);
    }

    [Fact]
    public async Task The_json_form_prints_one_object_per_feed_with_the_stored_state()
    {
        await PollOnceAsync(_good, _broken);

        var result = await CliRun.InProcessAsync("feeds", "--data", _data.Path, "--feed", _good, "--feed", _broken, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var feeds = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(f => f.GetProperty("source").GetString()!);
        Assert.Equal([_good, _broken], feeds.Keys.ToArray());
        Assert.Equal(0, feeds[_good].GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.String, feeds[_good].GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal("Island news (English)", feeds[_good].GetProperty("title").GetString());
        Assert.Equal(2, feeds[_good].GetProperty("matchesFound").GetInt32());
        Assert.Equal(1, feeds[_broken].GetProperty("consecutiveFailures").GetInt32());
        Assert.StartsWith("HTTP 503", feeds[_broken].GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.String, feeds[_broken].GetProperty("nextPollAt").ValueKind);
    }

    [Fact]
    public async Task A_feed_that_was_never_polled_says_so()
    {
        var result = await CliRun.InProcessAsync("feeds", "--data", _data.Path, "--feed", _good);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^feed \(fd_[0-9a-f]{16}\) " + System.Text.RegularExpressions.Regex.Escape(_good) + "$", result.OutputLines[0]);
        // Never polled: due now, so the next tick of the default five-minute schedule enqueues it.
        Assert.StartsWith("never polled; next poll 20", result.OutputLines[1]);
        var tick = DateTimeOffset.Parse(result.OutputLines[1]["never polled; next poll ".Length..].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, tick.Minute % 5);
        Assert.Equal(0, tick.Second);
    }

    [Fact]
    public async Task The_executable_reads_the_same_state_from_the_data_folder()
    {
        await PollOnceAsync(_broken);

        var result = await CliRun.ExecutableAsync("feeds", "--data", _data.Path, "--feed", _broken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(") " + _broken, result.OutputLines[0]);
        Assert.StartsWith("FAILING x1: HTTP 503", result.OutputLines[1]);
    }

    /// <summary>One real poll of each feed by the service's FeedPoller, storing state where <c>monitor feeds --data</c> reads it.</summary>
    private async Task PollOnceAsync(params string[] feeds)
    {
        var settings = RunSettings.From(_data.Path, storage: null, feedsFile: null, feeds, topics: null, schedule: null, allowPrivateNetworks: true);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
        var poller = services.GetRequiredService<FeedPoller>();
        foreach (var feed in feeds)
        {
            var summary = await poller.PollAsync(feed, CancellationToken.None);
            Assert.True(summary.Polled, $"{feed} was not polled");
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }
}
