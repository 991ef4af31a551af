using System.Text.Json;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// A query nested 30,000 parentheses deep (60 KB) once overflowed the stack: <c>topics test</c> and <c>scan --topics</c>
/// died with exit 134 (issue 10). The real executable now refuses it as a usage error (exit 2) with the reason.
/// </summary>
public sealed class QueryLimitsCliTests : IDisposable
{
    private static readonly string DeepQuery = new string('(', 30_000) + "shikotan" + new string(')', 30_000);
    private static readonly string NestedQuery = new string('(', 9_000) + "shikotan" + new string(')', 9_000);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Topics_test_with_a_deeply_nested_query_exits_2_and_says_why()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);

        foreach (var (query, reason) in new[] { (DeepQuery, "characters long"), (NestedQuery, "nests more than 32 levels") })
        {
            var result = await CliRun.ExecutableAsync("topics", "test", query, feed);

            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error[..Math.Min(500, result.Error.Length)]}");
            Assert.Contains(reason, result.Error);
            Assert.True(result.Error.Length < 1_000, "the error message should not repeat a 60 KB query");
        }
    }

    [Fact]
    public async Task Scan_with_a_topics_file_holding_a_deeply_nested_query_exits_2_and_names_the_topic()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var topics = _folder.Write("topics.json", JsonSerializer.Serialize(new[] { new { id = "deep", name = "Deep", query = NestedQuery } }));

        var result = await CliRun.ExecutableAsync("scan", "--topics", topics, feed);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error[..Math.Min(500, result.Error.Length)]}");
        Assert.Contains("deep", result.Error);
        Assert.Contains("nests more than 32 levels", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
