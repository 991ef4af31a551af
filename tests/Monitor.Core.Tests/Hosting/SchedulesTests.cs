using NewsMonitor.Hosting;

namespace NewsMonitor.Tests.Hosting;

public class SchedulesTests
{
    [Fact]
    public void Every_five_minutes_is_read_with_seconds_first_as_the_timer_trigger_reads_it()
    {
        var schedule = Schedules.Parse("0 */5 * * * *");
        var next = schedule.GetNextOccurrence(new DateTime(2026, 11, 30, 10, 2, 30, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 11, 30, 10, 5, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void Every_two_seconds_is_a_valid_schedule()
    {
        var next = Schedules.Parse("*/2 * * * * *").GetNextOccurrence(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 2, DateTimeKind.Utc), next);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every 5 minutes")]
    [InlineData("")]
    public void Five_field_and_nonsense_schedules_are_refused_with_an_example(string expression)
    {
        var error = Assert.Throws<FormatException>(() => Schedules.Parse(expression));
        Assert.Contains("0 */5 * * * *", error.Message);
        Assert.False(Schedules.IsValid(expression));
    }

    [Theory]
    [InlineData("0 */5 * * * *", 150)]
    [InlineData("*/2 * * * * *", 1)]
    [InlineData("* * * * * *", 1)]
    public void A_polled_feed_rests_half_the_schedule_interval_and_at_least_a_second(string expression, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedules.HalfInterval(expression));
}
