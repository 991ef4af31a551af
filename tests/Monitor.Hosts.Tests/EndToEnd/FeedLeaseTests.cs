using System.Text.Json;
using NewsMonitor.Api;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// A feed's poll lease (issue 10): sized from the schedule, renewed while the poll runs so no second poll starts
/// beside a long one, and shown with the real next poll (a tick of the schedule) by <c>GET /api/feeds</c>'s view.
/// </summary>
public sealed class FeedLeaseTests
{
    private static readonly Dictionary<string, string?> PatientFetch = new()
    {
        // The held fetch below must outlast several leases in fake time without timing out.
        ["Monitor:FeedReading:ReadTimeout"] = "02:00:00",
        ["Monitor:FeedReading:TotalTimeout"] = "02:00:00",
    };

    [Fact]
    public async Task A_poll_longer_than_its_lease_keeps_renewing_it_and_no_second_poll_starts_beside_it()
    {
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        Uri url = null!;
        await using var monitor = await ServiceMonitor.StartAsync(server => [url = server.Serve("/slow.xml", async context =>
        {
            requested.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
            await feed.Serve(context);
        })], PatientFetch);
        var leases = monitor.Get<FeedLeases>();
        var records = monitor.Get<FeedRecordStore>();
        var poller = monitor.Get<FeedPoller>();
        Assert.Equal(Schedules.LeaseDuration(ServiceMonitor.Schedule), leases.Duration);
        Assert.Equal(TimeSpan.FromMinutes(2.5), leases.Duration);

        var first = poller.PollAsync(url.AbsoluteUri, CancellationToken.None);
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Three lease lengths pass while the fetch hangs: each third of a lease, the poll renews it. Time moves in
        // small steps until a renewal shows, because the renewal's next timer starts only after its write.
        var started = monitor.Time.GetUtcNow();
        for (var step = 0; monitor.Time.GetUtcNow() - started < leases.Duration * 3; step++)
        {
            var before = (await records.GetAsync(url.AbsoluteUri, CancellationToken.None))!.LeasedUntil!.Value;
            await Eventually.UntilAsync(async () =>
            {
                monitor.Time.Advance(TimeSpan.FromSeconds(10));
                return (await records.GetAsync(url.AbsoluteUri, CancellationToken.None))!.LeasedUntil > before;
            }, $"the lease renewed at step {step}", timeout: TimeSpan.FromSeconds(15));
            Assert.True(before > monitor.Time.GetUtcNow() - TimeSpan.FromSeconds(10), $"renewed only after the lease ran out at step {step}");
            Assert.Equal(0, (await monitor.Cycle.RunAsync(CancellationToken.None)).FeedsEnqueued);
            Assert.False((await poller.PollAsync(url.AbsoluteUri, CancellationToken.None)).Polled);
        }

        var view = Assert.Single(await monitor.Get<FeedHealth>().ListAsync(CancellationToken.None));
        Assert.NotNull(view.LeasedUntil);
        Assert.True(view.NextPollAt >= view.LeasedUntil, $"next poll {view.NextPollAt} while leased until {view.LeasedUntil}");

        release.SetResult();
        var summary = await first;
        Assert.True(summary.Polled);
        Assert.Equal(1, summary.Matches); // shikotan only: news from the island is not news about the dispute
        Assert.Single(monitor.Feeds.RequestsTo("/slow.xml"));
        var record = (await records.GetAsync(url.AbsoluteUri, CancellationToken.None))!;
        Assert.Null(record.LeasedUntil);
        Assert.Null(record.LeaseId);
    }

    [Fact]
    public async Task A_feed_whose_poll_failed_is_not_held_by_its_lease()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        Uri url = null!;
        await using var monitor = await ServiceMonitor.StartAsync(server => [url = server.Serve("/world.xml", feed.Serve)]);
        var poller = monitor.Get<FeedPoller>();

        // Cancelled mid-poll (a host shutting down): the lease is given back at once, not left to run out.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poller.PollAsync(url.AbsoluteUri, cancelled.Token));
        var record = await monitor.Get<FeedRecordStore>().GetAsync(url.AbsoluteUri, CancellationToken.None);
        Assert.Null(record?.LeasedUntil);
        Assert.True((await poller.PollAsync(url.AbsoluteUri, CancellationToken.None)).Polled);
    }

    [Fact]
    public async Task The_feed_view_shows_the_schedule_tick_of_the_next_poll_not_the_end_of_the_rest()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Matching);
        Uri url = null!;
        await using var monitor = await ServiceMonitor.StartAsync(server => [url = server.Serve("/world.xml", feed.Serve)]);
        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.WorkFeedPollsAsync();

        var record = (await monitor.Get<FeedRecordStore>().GetAsync(url.AbsoluteUri, CancellationToken.None))!;
        var view = Assert.Single(await monitor.Get<FeedHealth>().ListAsync(CancellationToken.None));

        // The feed rests half the five-minute interval; the cycle that enqueues it is the next five-minute tick after that.
        var rest = record.State!.NextPollAt!.Value;
        var tick = view.NextPollAt!.Value;
        Assert.True(tick >= rest, $"{tick:O} before {rest:O}");
        Assert.Equal(0, tick.Second);
        Assert.Equal(0, tick.Minute % 5);
        Assert.True(tick - rest < TimeSpan.FromMinutes(5));
        Assert.Null(view.LeasedUntil);
        Assert.Contains("\"leasedUntil\"", JsonSerializer.Serialize(view with { LeasedUntil = tick }, ApiJson.Options));
    }
}
