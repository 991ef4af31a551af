using System.Text.Json;

namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor scan --format json</c>: one JSON object per line per match, with the contract fields (issue 2, item 8).</summary>
public sealed class ScanJsonOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Shikotan_items_in_english_japanese_and_russian_rss_atom_and_json_feed_print_shikotan_lines_and_nothing_else_matches()
    {
        var feeds = ShikotanFeeds.WriteAll(_folder);

        var result = await CliRun.InProcessAsync(["scan", "--format", "json", .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        var lines = result.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var shikotanIds = lines.Where(l => l.GetProperty("topic").GetString() == "shikotan").Select(l => l.GetProperty("itemId").GetString()).Order();
        Assert.Equal(ShikotanFeeds.ShikotanItemIds.Order(), shikotanIds);
        var matchedIds = lines.Select(l => l.GetProperty("itemId").GetString()).ToHashSet();
        Assert.Empty(matchedIds.Intersect(ShikotanFeeds.UnrelatedItemIds));
    }

    [Fact]
    public async Task Every_line_is_one_json_object_with_topic_feed_item_id_title_link_and_terms()
    {
        var feeds = ShikotanFeeds.WriteAll(_folder);
        var topics = ShikotanFeeds.WriteShikotanOnlyTopics(_folder);

        var result = await CliRun.InProcessAsync(["scan", "--format", "json", "--topics", topics, .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.OutputLines.Count);
        foreach (var line in result.OutputLines)
        {
            var hit = JsonDocument.Parse(line).RootElement;
            Assert.Equal(JsonValueKind.Object, hit.ValueKind);
            Assert.Equal("shikotan", hit.GetProperty("topic").GetString());
            Assert.Contains(hit.GetProperty("feed").GetString(), feeds);
            Assert.StartsWith("https://news.example/", hit.GetProperty("link").GetString());
            Assert.False(string.IsNullOrWhiteSpace(hit.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(hit.GetProperty("itemId").GetString()));
            var terms = hit.GetProperty("terms").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.NotEmpty(terms);
        }

        var english = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(h => h.GetProperty("itemId").GetString() == "en-shikotan-1");
        Assert.Equal(ShikotanFeeds.EnglishShikotanTitle, english.GetProperty("title").GetString());
        Assert.Equal(feeds[0], english.GetProperty("feed").GetString());
        Assert.Equal("https://news.example/en/shikotan-fish-plant", english.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Redirected_standard_output_gets_the_bytes_a_text_writer_gets()
    {
        // A redirected stdout takes the UTF-8 JSON lines straight from the writer; any other output takes strings.
        var topics = ShikotanFeeds.WriteShikotanOnlyTopics(_folder);
        foreach (var feed in ShikotanFeeds.WriteAll(_folder))
        {
            var inProcess = await CliRun.InProcessAsync(["scan", "--format", "json", "--topics", topics, feed]);
            var executable = await CliRun.ExecutableAsync("scan", "--format", "json", "--topics", topics, feed);

            Assert.True(executable.ExitCode == 0, executable.ToString());
            Assert.NotEmpty(executable.OutputLines);
            Assert.Equal(inProcess.Output, executable.Output);
        }
    }

    [Fact]
    public async Task A_feed_without_matches_prints_nothing_and_exits_0()
    {
        var feed = _folder.Write("other.rss", NewsMonitor.Testing.FeedServerDocuments.Rss(5, "weather"));

        var result = await CliRun.InProcessAsync("scan", "--format", "json", feed);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
