using System.Globalization;
using System.Text.Json;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// <c>monitor scan</c> over 1,000 loopback feeds of 20 items (issue 4's scale target): every feed is read and every
/// match printed. Correctness only; the time is measured by the scan-feeds harness in tests/Monitor.Benchmarks.
/// </summary>
public sealed class ScanManyFeedsTests : IAsyncLifetime
{
    private const int FeedCount = 1000;
    private readonly TempFolder _folder = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    [Fact]
    public async Task A_thousand_feeds_of_twenty_items_are_all_read_and_each_match_printed_once()
    {
        var feeds = Enumerable.Range(0, FeedCount).Select(i => _server.Serve($"/feeds/{i}.rss", FeedServerResponses.Feed(
            FeedServerDocuments.Rss(19, $"feed{i}", extraChannelElements: ShikotanItem(i)))).ToString()).ToArray();
        var topics = ShikotanFeeds.WriteShikotanOnlyTopics(_folder);

        var result = await CliRun.InProcessAsync(["scan", "--format", "json", "--allow-private-networks", "--topics", topics, .. feeds]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        var hits = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(FeedCount, hits.Count);
        Assert.Equal(Enumerable.Range(0, FeedCount).Select(i => $"feed{i}-shikotan").Order(), hits.Select(h => h.GetProperty("itemId").GetString()).Order());
        Assert.All(hits, h => Assert.Equal(feeds[int.Parse(h.GetProperty("itemId").GetString()!["feed".Length..^"-shikotan".Length], CultureInfo.InvariantCulture)],
            h.GetProperty("feed").GetString()));
        Assert.Equal(FeedCount, _server.Requests.Count);
    }

    [Fact]
    public async Task The_text_summary_counts_every_feed_and_item()
    {
        var feeds = Enumerable.Range(0, FeedCount).Select(i => _server.Serve($"/plain/{i}.rss", FeedServerResponses.Feed(
            FeedServerDocuments.Rss(19, $"plain{i}", extraChannelElements: ShikotanItem(i)))).ToString()).ToArray();
        var topics = ShikotanFeeds.WriteShikotanOnlyTopics(_folder);

        var result = await CliRun.InProcessAsync(["scan", "--allow-private-networks", "--topics", topics, .. feeds]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"{FeedCount} feeds read, 0 failed, {FeedCount * 20} items, {FeedCount} matches.", result.OutputLines[^1]);
    }

    private static string ShikotanItem(int i) =>
        $"<item><guid>feed{i}-shikotan</guid><title>Shikotan report {i}</title><link>https://news.example/shikotan/{i}</link>" +
        "<description>A ferry reached the island of Shikotan.</description></item>";

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}
