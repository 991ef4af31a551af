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
}
