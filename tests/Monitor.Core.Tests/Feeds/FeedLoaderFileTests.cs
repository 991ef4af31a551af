using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Feeds;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Feeds;

/// <summary><see cref="FeedLoader"/> reading local files: the offline path of <c>monitor scan</c> and the demos.</summary>
public sealed class FeedLoaderFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("feeds-").FullName;
    private readonly FeedLoader _loader = FeedReadingTestServices.Create(timeProvider: new FakeTimeProvider(Now)).GetRequiredService<FeedLoader>();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_feed_file_is_parsed_and_an_unchanged_file_is_not_parsed_again()
    {
        var path = Path.Combine(_folder, "feed.xml");
        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(4));

        var first = await _loader.LoadAsync(path, null, CancellationToken.None);
        var second = await _loader.LoadAsync(path, first.State, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.Parsed, first.Outcome);
        Assert.Equal(4, first.Feed!.Items.Count);
        Assert.All(first.Feed.Items, item => Assert.Equal(path, item.Feed));
        Assert.Equal(FeedLoadOutcome.NotModified, second.Outcome);
    }

    [Fact]
    public async Task A_rewritten_file_is_parsed_again_only_when_its_content_changed()
    {
        var path = Path.Combine(_folder, "feed.xml");
        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(2));
        var first = await _loader.LoadAsync(path, null, CancellationToken.None);

        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(2));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var sameBytes = await _loader.LoadAsync(path, first.State, CancellationToken.None);
        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(3));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(2));
        var changed = await _loader.LoadAsync(path, sameBytes.State, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.NotModified, sameBytes.Outcome);
        Assert.Equal(3, changed.Feed!.Items.Count);
    }

    [Fact]
    public async Task A_file_uri_is_read_as_a_file()
    {
        var path = Path.Combine(_folder, "feed.xml");
        await File.WriteAllTextAsync(path, FeedServerDocuments.Rss(1));

        var result = await _loader.LoadAsync(new Uri(path).ToString(), null, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.Parsed, result.Outcome);
    }

    [Fact]
    public async Task A_missing_file_is_a_per_feed_failure()
    {
        var path = Path.Combine(_folder, "missing.xml");

        var result = await _loader.LoadAsync(path, null, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.Failed, result.Outcome);
        Assert.Equal($"file not found: {path}", result.Error);
        Assert.Equal(1, result.State.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_file_that_is_not_a_feed_is_a_per_feed_failure()
    {
        var path = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(path, "just some notes");

        var result = await _loader.LoadAsync(path, null, CancellationToken.None);

        Assert.Equal("not a feed: the body is neither XML nor JSON", result.Error);
    }
}
