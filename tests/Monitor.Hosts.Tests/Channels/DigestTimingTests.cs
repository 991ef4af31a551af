using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Channels;
using NewsMonitor.Channels.Digests;
using NewsMonitor.Deliveries;
using NewsMonitor.Tests.EndToEnd;

namespace NewsMonitor.Tests.Channels;

/// <summary>
/// Quiet hours, digests and hourly limits on the real services with a fake clock: held alerts go out as one digest at
/// the scheduled time — not a second before, exactly once, also across a restart, a crash half-way and two instances.
/// </summary>
public sealed class DigestTimingTests
{
    private static readonly NewsStory[] ShikotanStories =
    [
        new("shikotan-a", "Shikotan ferry resumes after the storm", "https://news.example/asia/shikotan-ferry"),
        new("shikotan-b", "New school opens on Shikotan", "https://news.example/asia/shikotan-school"),
        new("shikotan-c", "Shikotan fish plant hires again", "https://news.example/asia/shikotan-fish"),
    ];

    private static async Task<ServiceMonitor> StartAsync(NewsFeed feed, SubscriptionChannel channel, Func<byte[], string?> rules)
    {
        var monitor = await ServiceMonitor.StartAsync(server => [server.Serve(MainFlow.FeedPath, feed.Serve)]);
        monitor.Receiver.PayloadCheck = rules;
        return monitor;
    }

    /// <summary>Quiet from an hour ago until two hours from now (UTC clock time), so the fake "now" is inside them.</summary>
    private static DeliveryPreferences QuietAround(DateTimeOffset now) => new()
    {
        TimeZone = "UTC",
        QuietFrom = TimeOnly.FromDateTime(now.UtcDateTime.AddHours(-1)),
        QuietUntil = new TimeOnly(now.UtcDateTime.AddHours(2).Hour, now.UtcDateTime.Minute),
    };

    private static async Task PollAsync(ServiceMonitor monitor)
    {
        await monitor.Cycle.RunAsync(CancellationToken.None);
        await monitor.WorkFeedPollsAsync();
    }

    [Fact]
    public async Task Alerts_in_quiet_hours_wait_and_go_out_as_one_digest_when_they_end()
    {
        var feed = new NewsFeed("World news");
        feed.Add(ShikotanStories[0], ShikotanStories[1]);
        await using var monitor = await StartAsync(feed, SubscriptionChannel.Slack, ChatPayloadRules.Slack);
        var preferences = QuietAround(monitor.Time.GetUtcNow());
        var subscription = await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Slack, preferences, "shikotan");
        var due = DigestWindows.Next(preferences.QuietUntil!.Value, TimeZoneInfo.Utc, monitor.Time.GetUtcNow());

        await PollAsync(monitor);
        Assert.Equal([DeliveryStatus.Digested, DeliveryStatus.Digested], await monitor.WorkDeliveriesAsync());
        Assert.Empty(monitor.Receiver.Requests);

        var scheduler = monitor.Get<DigestScheduler>();
        monitor.Time.SetUtcNow(due - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await scheduler.RunAsync(CancellationToken.None));
        Assert.Empty(await monitor.WorkDeliveriesAsync());

        monitor.Time.SetUtcNow(due);
        Assert.Equal(1, await scheduler.RunAsync(CancellationToken.None));
        Assert.Equal([DeliveryStatus.Delivered], await monitor.WorkDeliveriesAsync());
        var digest = Encoding.UTF8.GetString(Assert.Single(monitor.Receiver.Deliveries).Body);
        Assert.Contains("2 stories (quiet hours)", digest);
        Assert.Contains(ShikotanStories[0].Title, digest);
        Assert.Contains(ShikotanStories[1].Title, digest);

        // Sent once: later runs find nothing to send.
        monitor.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await scheduler.RunAsync(CancellationToken.None));
        Assert.Empty(await monitor.WorkDeliveriesAsync());
        Assert.Single(monitor.Receiver.Requests);

        // The log shows each story held for the digest, and the digest delivered.
        var log = await monitor.Deliveries.ListForSubscriptionAsync(subscription.Id, CancellationToken.None).ToListAsync();
        var digestId = DigestStore.DeliveryId(subscription.Id, due);
        Assert.Equal(2, log.Count(d => d.Status == DeliveryStatus.Digested && d.HeldFor == digestId));
        Assert.Equal(DeliveryStatus.Delivered, log.Single(d => d.Id == digestId).Status);
    }

    [Fact]
    public async Task Above_the_hourly_limit_the_rest_fold_into_a_digest_at_the_next_hour()
    {
        var feed = new NewsFeed("World news");
        feed.Add(ShikotanStories);
        await using var monitor = await StartAsync(feed, SubscriptionChannel.Discord, ChatPayloadRules.Discord);
        await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Discord, new DeliveryPreferences { MaxAlertsPerHour = 1 }, "shikotan");

        await PollAsync(monitor);
        var outcomes = await monitor.WorkDeliveriesAsync();
        Assert.Equal(1, outcomes.Count(o => o == DeliveryStatus.Delivered));
        Assert.Equal(2, outcomes.Count(o => o == DeliveryStatus.Digested));

        var now = monitor.Time.GetUtcNow();
        monitor.Time.SetUtcNow(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1));
        Assert.Equal(1, await monitor.Get<DigestScheduler>().RunAsync(CancellationToken.None));
        Assert.Equal([DeliveryStatus.Delivered], await monitor.WorkDeliveriesAsync());
        Assert.Equal(2, monitor.Receiver.Deliveries.Count);
        Assert.Contains("2 stories (more than 1 alerts an hour)", Encoding.UTF8.GetString(monitor.Receiver.Deliveries[1].Body));
    }

    [Fact]
    public async Task A_held_digest_survives_a_restart_and_a_crash_half_way_and_is_sent_once_by_two_instances()
    {
        var feed = new NewsFeed("World news");
        feed.Add(ShikotanStories[0]);
        await using var monitor = await StartAsync(feed, SubscriptionChannel.Teams, ChatPayloadRules.Teams);
        var preferences = new DeliveryPreferences { Digest = DigestFrequency.Daily, DigestAt = new TimeOnly(8, 0), TimeZone = "Asia/Tokyo" };
        var subscription = await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Teams, preferences, "shikotan");
        var due = DigestWindows.DueFor(preferences, monitor.Time.GetUtcNow(), overRateLimit: false)!.Value;

        await PollAsync(monitor);
        Assert.Equal([DeliveryStatus.Digested], await monitor.WorkDeliveriesAsync());

        await monitor.RestartAsync();
        monitor.Time.SetUtcNow(due);
        // The crash: a run closed the digest and died before creating its delivery.
        Assert.NotNull(await monitor.Get<DigestStore>().CloseAsync(subscription.Id, due, CancellationToken.None));

        await using var second = monitor.NewInstance();
        var created = await Task.WhenAll(
            monitor.Get<DigestScheduler>().RunAsync(CancellationToken.None),
            second.GetRequiredService<DigestScheduler>().RunAsync(CancellationToken.None));
        Assert.Equal(1, created.Sum());
        Assert.Contains(DeliveryStatus.Delivered, await monitor.WorkDeliveriesAsync());
        Assert.Empty(await monitor.WorkDeliveriesAsync());
        var card = Encoding.UTF8.GetString(Assert.Single(monitor.Receiver.Requests).Body);
        Assert.Contains("1 story (daily digest)", card);
        Assert.Contains(ShikotanStories[0].Title, card);
    }

    [Fact]
    public async Task A_429_from_the_platform_waits_as_long_as_its_retry_after_asks()
    {
        var feed = new NewsFeed("World news");
        feed.Add(ShikotanStories[0]);
        await using var monitor = await StartAsync(feed, SubscriptionChannel.Discord, ChatPayloadRules.Discord);
        var subscription = await monitor.AddChannelSubscriptionAsync(SubscriptionChannel.Discord, null, "shikotan");
        // Discord's rate-limit answer: the wait in the JSON body, in seconds, longer than the schedule's next delay (5 s ± 20 %).
        monitor.Receiver.Script(new WebhookReceiverResponse(429, Body: """{"message": "You are being rate limited.", "retry_after": 9.5, "global": false}"""));

        await PollAsync(monitor);
        Assert.Equal([DeliveryStatus.Pending], await monitor.WorkDeliveriesAsync());
        var waiting = Assert.Single(await monitor.Deliveries.ListForSubscriptionAsync(subscription.Id, CancellationToken.None).ToListAsync());
        Assert.True(waiting.NextAttemptAt >= monitor.Time.GetUtcNow() + TimeSpan.FromSeconds(9.5), $"next attempt at {waiting.NextAttemptAt:O}");
        Assert.Equal(429, Assert.Single(waiting.Attempts).StatusCode);

        monitor.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([DeliveryStatus.Delivered], await monitor.WorkDeliveriesAsync());
        Assert.Single(monitor.Receiver.Deliveries);
    }
}
