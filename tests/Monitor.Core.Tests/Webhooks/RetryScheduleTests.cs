using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class RetryScheduleTests
{
    private static readonly TimeSpan[] DefaultDelays =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    [Fact]
    public void The_default_schedule_is_twelve_attempts_from_0_to_10_hours()
    {
        var schedule = RetrySchedule.FromOptions(new WebhookOptions());

        Assert.Equal(12, schedule.MaxAttempts);
        Assert.Equal(DefaultDelays, schedule.Delays);
    }

    [Fact]
    public void Every_delay_is_jittered_within_20_percent_and_the_first_attempt_is_immediate()
    {
        var schedule = RetrySchedule.FromOptions(new WebhookOptions(), new Random(42));

        for (var attempt = 1; attempt <= DefaultDelays.Length; attempt++)
        {
            var nominal = DefaultDelays[attempt - 1];
            var samples = Enumerable.Range(0, 200).Select(_ => schedule.DelayBeforeAttempt(attempt, null)!.Value).ToArray();

            Assert.All(samples, d => Assert.InRange(d, nominal * 0.8, nominal * 1.2));
            if (nominal > TimeSpan.Zero)
            {
                Assert.Contains(samples, d => d < nominal * 0.9);
                Assert.Contains(samples, d => d > nominal * 1.1);
            }
            else
            {
                Assert.All(samples, d => Assert.Equal(TimeSpan.Zero, d));
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var first = RetrySchedule.FromOptions(new WebhookOptions(), new Random(7));
        var second = RetrySchedule.FromOptions(new WebhookOptions(), new Random(7));

        Assert.Equal(
            Enumerable.Range(1, DefaultDelays.Length).Select(a => first.DelayBeforeAttempt(a, null)),
            Enumerable.Range(1, DefaultDelays.Length).Select(a => second.DelayBeforeAttempt(a, null)));
    }

    [Fact]
    public void After_the_last_attempt_it_gives_up()
    {
        var schedule = RetrySchedule.FromOptions(new WebhookOptions());

        Assert.NotNull(schedule.DelayBeforeAttempt(12, null));
        Assert.Null(schedule.DelayBeforeAttempt(13, null));
        Assert.Null(schedule.DelayBeforeAttempt(13, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.DelayBeforeAttempt(0, null));
    }

    [Fact]
    public void A_longer_Retry_After_wins_a_shorter_one_does_not()
    {
        var schedule = new RetrySchedule(DefaultDelays, new Random(1), TimeSpan.FromHours(24));

        Assert.Equal(TimeSpan.FromMinutes(3), schedule.DelayBeforeAttempt(2, TimeSpan.FromMinutes(3)));
        Assert.InRange(schedule.DelayBeforeAttempt(7, TimeSpan.FromSeconds(1))!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void Retry_After_is_capped()
    {
        var schedule = new RetrySchedule(DefaultDelays, new Random(1), TimeSpan.FromHours(24));

        Assert.Equal(TimeSpan.FromHours(24), schedule.DelayBeforeAttempt(2, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Short_schedules_come_from_one_setting()
    {
        var schedule = RetrySchedule.FromOptions(new WebhookOptions { RetryDelays = "0, 1s ,2s" });

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], schedule.Delays);
        Assert.Null(schedule.DelayBeforeAttempt(4, null));
    }

    [Fact]
    public void Delays_take_units_and_timespans()
    {
        Assert.Equal(
            [TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), TimeSpan.FromMinutes(90)],
            RetrySchedule.ParseDelays("500ms,00:05:00,1d,90m"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0,,5s")]
    [InlineData("5x")]
    [InlineData("-1s")]
    [InlineData("1.5s")]
    [InlineData("s")]
    [InlineData("5")]
    public void Malformed_delays_are_refused_with_the_offending_entry(string text)
    {
        Assert.False(RetrySchedule.TryParseDelays(text, out _, out var reason));
        Assert.Contains("is not a delay", reason);
    }
}
