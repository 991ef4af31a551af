using NewsMonitor.Testing;
using NewsMonitor.Tests.Cli;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// kill -9 of <c>monitor run</c> in the middle of a poll: the restarted host polls the feed again within a couple of
/// lease lengths of its schedule (here every two seconds: a ten-second lease), not after a fixed five minutes (issue 10).
/// </summary>
public sealed class CrashedPollTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    [Fact]
    public async Task After_kill_9_mid_poll_the_restarted_host_polls_the_feed_again_soon()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRequest = true;
        var feed = _server.Serve("/held.rss", async context =>
        {
            if (Interlocked.Exchange(ref firstRequest, false))
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted); // the poll hangs here when the host is killed
                return;
            }
            await FeedServerResponses.Feed(ShikotanFeeds.EnglishRss)(context);
        }).ToString();
        string[] args = ["run", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_folder.Path, "data"), "--feed", feed,
            "--schedule", "*/2 * * * * *", "--allow-private-networks"];

        using (var first = CliProcess.Start(_folder.Path, args))
        {
            await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        using var second = CliProcess.Start(_folder.Path, args);
        await second.WaitForTextAsync("NewsMonitor is running", TimeSpan.FromSeconds(60));
        var restarted = DateTimeOffset.UtcNow;
        await Eventually.UntilAsync(() => _server.RequestsTo("/held.rss").Count >= 2, "the feed polled again after the crash",
            () => second.Output + second.Error, TimeSpan.FromSeconds(45));
        Assert.True(DateTimeOffset.UtcNow - restarted < TimeSpan.FromSeconds(45));
        await second.WaitForTextAsync("2 matches", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}
