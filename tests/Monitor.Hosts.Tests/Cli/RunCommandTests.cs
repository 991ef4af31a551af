namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor run</c>: wrong settings are usage errors (exit 2) before anything starts; Ctrl+C stops the host cleanly.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_schedule_that_is_not_six_field_ncrontab_exits_2_with_an_example()
    {
        var result = await CliRun.InProcessAsync("run", "--data", _folder.Path, "--schedule", "*/5 * * * *", "--feed", "x.rss");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'*/5 * * * *' is not an NCRONTAB schedule with six fields", result.Error);
    }

    [Fact]
    public async Task Data_and_storage_together_exit_2()
    {
        var result = await CliRun.InProcessAsync("run", "--data", _folder.Path, "--storage", "UseDevelopmentStorage=true");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("either --data DIR or --storage", result.Error);
    }

    [Fact]
    public async Task A_missing_topics_file_stops_the_start_with_exit_2()
    {
        var topics = _folder.Missing("topics.json");

        var feed = _folder.Write("x.rss", ShikotanFeeds.EnglishRss);
        var result = await CliRun.InProcessAsync("run", "--data", _folder.Path, "--urls", "http://127.0.0.1:0", "--feed", feed, "--topics", topics);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("topics.json", result.Error);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("htp://example.com/rss")]
    [InlineData("https://")]
    public async Task A_feed_that_is_neither_a_url_nor_a_file_stops_the_start_with_one_line_and_exit_2(string feed)
    {
        var result = await CliRun.InProcessAsync("run", "--data", _folder.Path, "--urls", "http://127.0.0.1:0", "--feed", feed);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: --feed '{feed}' is neither an http(s) URL (such as https://example.com/rss.xml) nor an existing file.", result.Error.Trim());
    }

    [Fact]
    public async Task A_busy_port_stops_the_start_with_one_line_and_no_stack_trace()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var feed = _folder.Write("busy.rss", ShikotanFeeds.EnglishRss);

        var result = await CliRun.ExecutableAsync(new Dictionary<string, string?> { ["Monitor__ApiKey"] = "k" },
            "run", "--data", Path.Combine(_folder.Path, "busy"), "--urls", $"http://127.0.0.1:{port}", "--feed", feed);

        Assert.True(result.ExitCode == 2, result.ToString());
        var errorLines = (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.Contains("address already in use", line);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_running_executable_cleanly()
    {
        var feed = _folder.Write("english.rss", ShikotanFeeds.EnglishRss);
        using var run = CliProcess.Start(_folder.Path, "run", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_folder.Path, "data"), "--feed", feed);
        await run.WaitForTextAsync("NewsMonitor is running", TimeSpan.FromSeconds(60));

        await run.InterruptAsync();
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit {exitCode}\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Error);
    }

    public void Dispose() => _folder.Dispose();
}
