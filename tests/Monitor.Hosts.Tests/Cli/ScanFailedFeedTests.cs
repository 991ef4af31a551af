using System.Text.Json;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// <c>monitor scan</c> with broken feeds beside a good one: the good one is still read and printed, each broken
/// feed gets exactly one stderr line with its source and reason, and the exit code is 1 (issue 2, done-when).
/// </summary>
public sealed class ScanFailedFeedTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    [Fact]
    public async Task The_executable_prints_the_match_on_stdout_one_stderr_line_per_broken_feed_and_exits_1()
    {
        var good = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var missing = _folder.Missing("gone.rss");
        var notFound = _server.Url("/missing.xml").ToString();
        var html = _server.Serve("/page.html", FeedServerResponses.Feed(ShikotanFeeds.HtmlPage, "text/html; charset=utf-8")).ToString();

        var result = await CliRun.ExecutableAsync("scan", "--format", "json", "--allow-private-networks", missing, good, notFound, html);

        Assert.True(result.ExitCode == 1, result.ToString());
        var hit = Assert.Single(result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement), h => h.GetProperty("topic").GetString() == "shikotan");
        Assert.Equal("en-shikotan-1", hit.GetProperty("itemId").GetString());
        Assert.Equal(3, result.ErrorLines.Count);
        Assert.Single(result.ErrorLines, l => l.Contains(missing) && l.Contains("not found"));
        Assert.Single(result.ErrorLines, l => l.Contains(notFound) && l.Contains("404"));
        Assert.Single(result.ErrorLines, l => l.Contains(html) && l.Contains("text/html"));
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains(good));
    }

    [Theory]
    [InlineData("missing-file", "not found")]
    [InlineData("http-404", "HTTP 404")]
    [InlineData("html-page", "text/html")]
    [InlineData("not-a-feed-file", "")]
    public async Task Each_kind_of_broken_feed_gets_one_line_naming_it_and_the_reason(string kind, string reason)
    {
        var good = _folder.Write("russian.json", ShikotanFeeds.RussianJsonFeed);
        var broken = kind switch
        {
            "missing-file" => _folder.Missing("missing.xml"),
            "http-404" => _server.Url("/nothing-here.xml").ToString(),
            "html-page" => _server.Serve("/index.html", FeedServerResponses.Feed(ShikotanFeeds.HtmlPage, "text/html")).ToString(),
            _ => _folder.Write("notes.txt", "Shikotan notes, not a feed."),
        };

        var result = await CliRun.InProcessAsync("scan", "--format", "json", "--allow-private-networks", good, broken);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.OutputLines, l => l.Contains("\"itemId\":\"ru-shikotan-1\""));
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(broken, line);
        Assert.Contains(reason, line);
        Assert.True(line.Length > broken.Length + "error: : ".Length, $"the line gives no reason: {line}");
    }

    [Fact]
    public async Task Text_format_ends_with_a_summary_that_counts_the_failed_feeds()
    {
        var good = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);

        var result = await CliRun.InProcessAsync("scan", good, _folder.Missing("a.xml"), _folder.Missing("b.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.Contains("1 feeds read, 2 failed, 3 items", result.OutputLines[^1]);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}
