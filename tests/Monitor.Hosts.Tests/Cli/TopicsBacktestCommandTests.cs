using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Cli;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// <c>monitor topics backtest QUERY|ID --since 7d --data DIR</c> over the items a real poll kept in DIR: a query
/// that no topic has matches an item that was only seen; a topic id is backtested by its saved query.
/// </summary>
public sealed class TopicsBacktestCommandTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        var feed = _server.Serve("/islands.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss)).ToString();
        var settings = RunSettings.From(_data.Path, storage: null, feedsFile: null, [feed], topics: null, schedule: null, allowPrivateNetworks: true);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
        Assert.True((await services.GetRequiredService<FeedPoller>().PollAsync(feed, CancellationToken.None)).Polled);
    }

    [Fact]
    public async Task A_query_matches_a_recently_seen_item_with_its_reason()
    {
        var result = await CliRun.InProcessAsync("topics", "backtest", "shikoku OR shikotsu", "--since", "7d", "--data", _data.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 of 3 items seen since", result.Output);
        Assert.Contains(result.OutputLines, l => l == "Pilgrims return to the 88 temples of Shikoku");
        Assert.Contains(result.OutputLines, l => l.StartsWith("Matched \"shikotsu\" in the title", StringComparison.Ordinal) && l.Contains("Lake [Shikotsu]"));
    }

    [Fact]
    public async Task A_topic_id_compared_with_another_topic_lists_caught_and_dropped_as_json()
    {
        var result = await CliRun.InProcessAsync("topics", "backtest", "shikotan", "--compare-with", "habomai", "--data", _data.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(1, answer.GetProperty("matched").GetInt32());
        var caught = Assert.Single(answer.GetProperty("comparison").GetProperty("caught").EnumerateArray());
        Assert.Equal("Russia opens a new fish plant on Shikotan", caught.GetProperty("item").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bad_query_is_a_usage_error_with_its_position()
    {
        var result = await CliRun.InProcessAsync("topics", "backtest", "kuril (habomai", "--data", _data.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("position 6", result.Error);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }
}
