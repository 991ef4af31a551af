namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor scan</c> usage errors: nothing is read, a message says what is wrong, exit code 2.</summary>
public sealed class ScanUsageErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("unknown option", new[] { "scan", "--bogus", "FEED" }, "--bogus")]
    [InlineData("no FEED", new[] { "scan" }, "Required argument missing")]
    [InlineData("no FEED after options", new[] { "scan", "--format", "json" }, "Required argument missing")]
    [InlineData("bad --format", new[] { "scan", "--format", "xml", "FEED" }, "xml")]
    [InlineData("--format without value", new[] { "scan", "FEED", "--format" }, "--format")]
    [InlineData("bad --concurrency", new[] { "scan", "--concurrency", "0", "FEED" }, "--concurrency")]
    [InlineData("unknown command", new[] { "scna", "FEED" }, "scna")]
    public async Task A_wrong_command_line_exits_2_with_a_message_and_prints_nothing(string what, string[] args, string named)
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        args = args.Select(a => a == "FEED" ? feed : a).ToArray();

        var result = await CliRun.InProcessAsync(args);

        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        Assert.Equal("", result.Output);
        Assert.Contains(named, result.Error);
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public async Task A_missing_topics_file_exits_2_naming_the_file()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var topics = _folder.Missing("no-such-topics.json");

        var result = await CliRun.InProcessAsync("scan", "--topics", topics, feed);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(topics, result.Error);
        Assert.Contains("does not exist", result.Error);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("not json", "[ { \"id\": \"shikotan\", ", "not valid JSON", null)]
    [InlineData("not an array", "{ \"id\": \"shikotan\" }", "JSON array", null)]
    [InlineData("invalid query", "[ { \"id\": \"broken-query\", \"name\": \"Broken\", \"query\": \"(shikotan OR\" } ]", "invalid query", "broken-query")]
    [InlineData("missing query", "[ { \"id\": \"no-query\", \"name\": \"No query\" } ]", "missing 'query'", "no-query")]
    [InlineData("bad id", "[ { \"id\": \"Bad Id\", \"name\": \"x\", \"query\": \"x\" } ]", "id must match", "Bad Id")]
    [InlineData("duplicate id", "[ { \"id\": \"twice\", \"name\": \"a\", \"query\": \"a\" }, { \"id\": \"twice\", \"name\": \"b\", \"query\": \"b\" } ]", "duplicate", "twice")]
    public async Task An_invalid_topics_file_exits_2_with_the_topic_id_and_the_reason(string what, string json, string reason, string? topicId)
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        var topics = _folder.Write("topics.json", json);

        var result = await CliRun.InProcessAsync("scan", "--format", "json", "--topics", topics, feed);

        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        Assert.Equal("", result.Output);
        Assert.Contains(reason, result.Error);
        Assert.Contains(topics, result.Error);
        if (topicId is not null) Assert.Contains($"'{topicId}'", result.Error);
    }

    [Fact]
    public async Task The_executable_exits_2_on_a_usage_error_and_writes_only_to_stderr()
    {
        var result = await CliRun.ExecutableAsync("scan", "--format", "yaml", "feed.xml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("yaml", result.Error);
        Assert.Contains("monitor scan --help", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
