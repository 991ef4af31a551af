using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Scanning;
using NewsMonitor.Testing;
using NewsMonitor.Tests.Feeds;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Scanning;

/// <summary><see cref="FeedScan"/> matches large feeds a slice at a time in parallel; hits still come in item order.</summary>
public sealed class FeedScanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-").FullName;
    private readonly ServiceProvider _services = FeedReadingTestServices.Create();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(FeedScan.ItemsPerTask)] // matched where it is read
    [InlineData(FeedScan.ItemsPerTask * 20 + 7)] // matched in slices, more of them than run ahead
    public async Task Reports_every_hit_once_in_item_order_as_matching_one_item_at_a_time_does(int itemCount)
    {
        var path = Path.Combine(_folder, "feed.xml");
        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(itemCount, "story"));
        var matcher = TopicMatcher.Compile(
        [
            new Topic { Id = "every", Name = "Every item", Query = "report" },
            new Topic { Id = "story", Name = "Every item too", Query = "story -habomai" },
            new Topic { Id = "some", Name = "Some items", Query = "\"number 1\" OR \"number 10\" OR \"number 100\"" },
            new Topic { Id = "none", Name = "None", Query = "habomai" },
        ]);
        var expected = (await _services.GetRequiredService<FeedLoader>().LoadAsync(path, null, CancellationToken.None)).Feed!.Items
            .SelectMany(item => matcher.Match(item).Select(match => (item.Id, match.TopicId, match.Snippet)))
            .ToList();

        var hits = new List<(string, string, string)>();
        var summary = await new FeedScan(_services.GetRequiredService<FeedLoader>()).RunAsync(
            [path], matcher, hit => hits.Add((hit.Item.Id, hit.Match.TopicId, hit.Match.Snippet)), _ => Assert.Fail("no feed fails"),
            FeedScan.DefaultMaxConcurrency, CancellationToken.None);

        Assert.Equal(expected, hits);
        Assert.Equal(new ScanSummary(1, 0, itemCount, expected.Count), summary);
        Assert.True(expected.Count > 2 * itemCount);
    }

    [Fact]
    public async Task Feeds_are_read_while_the_matcher_is_compiled_and_matched_once_it_is_ready()
    {
        await using var server = await FeedServer.StartAsync();
        var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = FeedServerResponses.Feed(FeedServerDocuments.Rss(100, "story"));
        var url = server.Serve("/feed.xml", async context =>
        {
            await feed(context);
            served.TrySetResult();
        });
        var compiled = new TaskCompletionSource<TopicMatcher>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hits = new List<string>();

        var scan = new FeedScan(_services.GetRequiredService<FeedLoader>()).RunAsync(
            [url.ToString()], compiled.Task, hit => hits.Add(hit.Item.Id), _ => Assert.Fail("no feed fails"), FeedScan.DefaultMaxConcurrency, CancellationToken.None);
        await served.Task.WaitAsync(TimeSpan.FromSeconds(30)); // fetched before any matcher exists
        Assert.False(scan.IsCompleted);
        compiled.SetResult(TopicMatcher.Compile([new Topic { Id = "every", Name = "Every item", Query = "report" }]));

        Assert.Equal(new ScanSummary(1, 0, 100, 100), await scan);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"story-{i}"), hits);
    }

    [Fact]
    public async Task A_matcher_that_fails_stops_the_feeds_still_being_read()
    {
        await using var server = await FeedServer.StartAsync();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stall = FeedServerResponses.SlowHeaders();
        var url = server.Serve("/stalls.xml", async context =>
        {
            requested.TrySetResult();
            await stall(context);
        });
        var compiled = new TaskCompletionSource<TopicMatcher>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new List<FeedFailure>();

        var scan = new FeedScan(_services.GetRequiredService<FeedLoader>()).RunAsync(
            [url.ToString()], compiled.Task, _ => Assert.Fail("no hits"), failures.Add, FeedScan.DefaultMaxConcurrency, CancellationToken.None);
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        compiled.SetException(new TopicsFileException("bad topics"));

        // Not after the stalled feed times out (and is reported as a failure): at once, with the matcher's error.
        Assert.Equal("bad topics", (await Assert.ThrowsAsync<TopicsFileException>(() => scan)).Message);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_matcher_that_fails_to_compile_fails_the_scan_even_when_no_feed_is_read()
    {
        var failures = 0;

        var scan = new FeedScan(_services.GetRequiredService<FeedLoader>()).RunAsync(
            [Path.Combine(_folder, "missing.xml")], Task.FromException<TopicMatcher>(new TopicsFileException("bad topics")),
            _ => Assert.Fail("no hits"), _ => failures++, FeedScan.DefaultMaxConcurrency, CancellationToken.None);

        Assert.Equal("bad topics", (await Assert.ThrowsAsync<TopicsFileException>(() => scan)).Message);
        Assert.Equal(0, failures); // nothing is read once the topics have failed
    }
}
