using NewsMonitor.Hosting;

namespace NewsMonitor.Tests.Hosting;

/// <summary>The poll lease follows the schedule, and the next poll is a tick of the schedule (issue 10).</summary>
public sealed class ScheduleLeaseTests
{
    [Theory]
    [InlineData("0 */5 * * * *", 150)]     // half of five minutes
    [InlineData("0 0 * * * *", 300)]       // hourly: capped at five minutes
    [InlineData("*/2 * * * * *", 10)]      // every two seconds: at least ten seconds
    [InlineData("*/30 * * * * *", 15)]
    public void The_lease_is_half_the_interval_between_ten_seconds_and_five_minutes(string schedule, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedules.LeaseDuration(schedule));

    [Theory]
    [InlineData("2026-03-01T10:02:30Z", "2026-03-01T10:05:00Z")]
    [InlineData("2026-03-01T10:05:00Z", "2026-03-01T10:05:00Z")] // a tick at the very moment counts
    [InlineData("2026-03-01T10:05:00.5Z", "2026-03-01T10:10:00Z")]
    [InlineData("2026-03-01T10:04:59.9Z", "2026-03-01T10:05:00Z")]
    public void The_next_run_is_the_first_tick_at_or_after_the_earliest_time(string earliest, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), Schedules.NextRunAtOrAfter("0 */5 * * * *", DateTimeOffset.Parse(earliest)));
}
