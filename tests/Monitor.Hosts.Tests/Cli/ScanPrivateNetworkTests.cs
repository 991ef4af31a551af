using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>http feeds on loopback are refused unless <c>--allow-private-networks</c> is given (issue 2, item 3).</summary>
public sealed class ScanPrivateNetworkTests : IAsyncLifetime
{
    private FeedServer _server = null!;
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _feed = _server.Serve("/islands.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss));
    }

    [Fact]
    public async Task A_loopback_feed_is_refused_without_the_flag_with_a_reason_that_names_the_flag()
    {
        var result = await CliRun.InProcessAsync("scan", "--format", "json", _feed.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(_feed.ToString(), line);
        Assert.Contains("--allow-private-networks", line);
        Assert.Empty(_server.RequestsTo("/islands.rss"));
    }

    [Fact]
    public async Task A_loopback_feed_is_read_with_the_flag()
    {
        var result = await CliRun.InProcessAsync("scan", "--format", "json", "--allow-private-networks", _feed.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains(result.OutputLines, l => l.Contains("\"topic\":\"shikotan\"") && l.Contains("\"itemId\":\"en-shikotan-1\""));
        Assert.Single(_server.RequestsTo("/islands.rss"));
    }

    [Fact]
    public async Task Topics_test_refuses_loopback_the_same_way()
    {
        var result = await CliRun.InProcessAsync("topics", "test", "shikotan", _feed.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--allow-private-networks", Assert.Single(result.ErrorLines));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();
}
