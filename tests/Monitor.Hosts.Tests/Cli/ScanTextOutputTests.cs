namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor scan</c> in text form prints each match with its explanation: terms, field and snippet (issue 3, item 5).</summary>
public sealed class ScanTextOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_match_prints_topic_title_link_the_terms_with_their_field_and_a_snippet()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var topics = ShikotanFeeds.WriteShikotanOnlyTopics(_folder);

        var result = await CliRun.InProcessAsync("scan", "--topics", topics, feed);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines;
        var at = lines.ToList().IndexOf($"[shikotan] {ShikotanFeeds.EnglishShikotanTitle}");
        Assert.True(at >= 0, result.Output);
        Assert.Equal("https://news.example/en/shikotan-fish-plant", lines[at + 1]);
        Assert.StartsWith("why: ", lines[at + 2]);
        Assert.Matches("\"shikotan\\*?\" in title", lines[at + 2].ToLowerInvariant());
        Assert.Contains("krabozavodsk", lines[at + 2].ToLowerInvariant());
        Assert.Contains("summary", lines[at + 2].ToLowerInvariant());
        Assert.Matches(@"\[Krabozavodskoye\]|\[Shikotan\]", lines[at + 3]);
        Assert.Equal("1 feeds read, 0 failed, 3 items, 1 matches.", lines[^1]);
    }

    [Fact]
    public async Task Unrelated_items_print_no_match_in_text_form_either()
    {
        var feeds = ShikotanFeeds.WriteAll(_folder);

        var result = await CliRun.InProcessAsync(["scan", .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.OutputLines, l => l.Contains("Shikoku") || l.Contains("Shikotsu") || l.Contains("四国") || l.Contains("支笏湖") || l.Contains("Сикоку"));
        Assert.Contains(result.OutputLines, l => l.StartsWith("[shikotan] 色丹島"));
        Assert.Contains(result.OutputLines, l => l.StartsWith("[shikotan] На Шикотане"));
        Assert.StartsWith("3 feeds read, 0 failed, 8 items,", result.OutputLines[^1]);
    }

    public void Dispose() => _folder.Dispose();
}
