using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

/// <summary>The offline feeds in seeds/samples that demos and other tests rely on: each parses, in its language and encoding.</summary>
public sealed class SampleFeedsTests
{
    private readonly FeedLoader _loader = FeedReadingTestServices.Create().GetRequiredService<FeedLoader>();

    private async Task<ParsedFeed> LoadAsync(string file)
    {
        var result = await _loader.LoadAsync(Path.Combine(RepositoryPaths.SampleFeeds, file), null, CancellationToken.None);
        Assert.True(result.Outcome == FeedLoadOutcome.Parsed, $"{file}: {result.Error}");
        return result.Feed!;
    }

    [Theory]
    [InlineData("shikotan-en.rss.xml", 3, "Japan and Russia to resume peace treaty talks, Shikotan on the agenda")]
    [InlineData("world-en.atom.xml", 3, "Japan, Russia to resume peace treaty talks; Shikotan on the agenda")]
    [InlineData("northern-territories-ja.atom.xml", 3, "北方領土問題　色丹島と歯舞群島の返還交渉、来月再開へ")]
    [InlineData("kurily-ru.json", 3, "На Шикотане открыли новый причал")]
    [InlineData("sakhalin-ru-1251.rss.xml", 2, "Рыбаки Хабомаи\u00A0— о новом сезоне")]
    [InlineData("technology-en.rss.xml", 2, "New e-reader ships with a colour screen")]
    public async Task Every_sample_parses_with_its_items(string file, int itemCount, string firstTitle)
    {
        var feed = await LoadAsync(file);

        Assert.Equal(itemCount, feed.Items.Count);
        Assert.Equal(firstTitle, feed.Items[0].Title);
        Assert.All(feed.Items, item => Assert.False(string.IsNullOrEmpty(item.Id)));
    }

    [Fact]
    public async Task The_syndicated_story_has_the_same_story_keys_in_both_feeds()
    {
        var original = (await LoadAsync("shikotan-en.rss.xml")).Items[0];
        var syndicated = (await LoadAsync("world-en.atom.xml")).Items[0];

        Assert.NotEqual(original.Id, syndicated.Id);
        Assert.Contains(StoryKey.KeysOf(original)[0], StoryKey.KeysOf(syndicated));
        Assert.True(StoryKey.AreNearDuplicateTitles(original.Title, syndicated.Title));
    }

    [Fact]
    public void Every_sample_file_is_covered_here()
    {
        var files = Directory.GetFiles(RepositoryPaths.SampleFeeds).Select(Path.GetFileName)
            .Where(name => name is not ("README.md" or ".gitattributes"));

        Assert.Equal(6, files.Count());
    }
}
