namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor topics test (QUERY | TOPIC-ID) FEED...</c>: a dry run that shows what would match and why (issue 3, item 7).</summary>
public sealed class TopicsTestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_topic_id_shows_each_matching_item_with_its_explanation_and_a_count()
    {
        var feeds = ShikotanFeeds.WriteAll(_folder);

        var result = await CliRun.InProcessAsync(["topics", "test", "shikotan", .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Testing [shikotan] @shikotan", result.OutputLines[0]);
        Assert.Contains(ShikotanFeeds.EnglishShikotanTitle, result.OutputLines);
        Assert.Contains("https://news.example/ja/shikotan", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("На Шикотане"));
        Assert.DoesNotContain(result.OutputLines, l => l.Contains("Shikoku") || l.Contains("Shikotsu"));
        Assert.Contains(result.OutputLines, l => l.Contains("title", StringComparison.OrdinalIgnoreCase) && l.Contains("shikotan", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("3 of 8 items would match (3 feeds read, 0 failed).", result.OutputLines[^1]);
    }

    [Fact]
    public async Task A_query_is_tested_as_given()
    {
        var feeds = ShikotanFeeds.WriteAll(_folder);

        var result = await CliRun.InProcessAsync(["topics", "test", "shikoku OR 四国 OR сикоку", .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Testing [query] shikoku OR 四国 OR сикоку", result.OutputLines[0]);
        Assert.Contains("Pilgrims return to the 88 temples of Shikoku", result.OutputLines);
        Assert.Contains("四国八十八か所のお遍路、今年も盛況", result.OutputLines);
        Assert.Contains("Паломники вернулись на остров Сикоку", result.OutputLines);
        Assert.DoesNotContain(ShikotanFeeds.EnglishShikotanTitle, result.OutputLines);
        Assert.Equal("3 of 8 items would match (3 feeds read, 0 failed).", result.OutputLines[^1]);
    }

    [Theory]
    [InlineData("(shikotan OR", 10)]
    [InlineData("shikotan NEAR/x habomai", 14)]
    [InlineData("\"peace treaty", 0)]
    public async Task An_invalid_query_exits_2_with_the_position(string query, int position)
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);

        var result = await CliRun.InProcessAsync("topics", "test", query, feed);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains(query, result.Error);
        Assert.Contains($"position {position}", result.Error);
    }

    [Fact]
    public async Task A_broken_feed_is_reported_and_makes_the_exit_code_1()
    {
        var good = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var missing = _folder.Missing("missing.rss");

        var result = await CliRun.InProcessAsync("topics", "test", "shikotan", good, missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(ShikotanFeeds.EnglishShikotanTitle, result.OutputLines);
        Assert.Contains(missing, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_topic_of_a_given_topics_file_is_found_there()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var topics = _folder.Write("topics.json", """[ { "id": "lakes", "name": "Lakes", "query": "lake" } ]""");

        var result = await CliRun.InProcessAsync("topics", "test", "lakes", "--topics", topics, feed);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Testing [lakes] lake", result.OutputLines[0]);
        Assert.Contains("Lake Shikotsu ice festival opens near Chitose", result.OutputLines);
    }

    public void Dispose() => _folder.Dispose();
}
