using NewsMonitor.Channels;
using NewsMonitor.Channels.Digests;

namespace NewsMonitor.Tests.Channels;

public sealed class DigestWindowsTests
{
    private static DeliveryPreferences Quiet(string zone = "Europe/Berlin") =>
        new() { TimeZone = zone, QuietFrom = new TimeOnly(22, 0), QuietUntil = new TimeOnly(7, 0) };

    [Theory]
    [InlineData("2026-12-05T21:30:00Z", true)]   // 22:30 in Berlin (UTC+1)
    [InlineData("2026-12-05T05:59:00Z", true)]   // 06:59
    [InlineData("2026-12-05T06:00:00Z", false)]  // 07:00: the window has ended
    [InlineData("2026-12-05T12:00:00Z", false)]
    public void Quiet_hours_wrap_around_midnight_in_local_time(string utc, bool quiet) =>
        Assert.Equal(quiet, DigestWindows.InQuietHours(Quiet(), DateTimeOffset.Parse(utc)));

    [Fact]
    public void An_alert_in_quiet_hours_is_due_when_they_end()
    {
        var due = DigestWindows.DueFor(Quiet(), DateTimeOffset.Parse("2026-12-05T23:15:00Z"), overRateLimit: false);

        Assert.Equal(DateTimeOffset.Parse("2026-12-06T06:00:00Z"), due);
    }

    [Fact]
    public void Outside_quiet_hours_without_a_digest_an_alert_goes_now() =>
        Assert.Null(DigestWindows.DueFor(Quiet(), DateTimeOffset.Parse("2026-12-05T12:00:00Z"), overRateLimit: false));

    [Fact]
    public void A_daily_digest_is_due_at_its_local_time_in_its_zone()
    {
        var preferences = new DeliveryPreferences { Digest = DigestFrequency.Daily, DigestAt = new TimeOnly(8, 0), TimeZone = "America/New_York" };

        Assert.Equal(DateTimeOffset.Parse("2026-12-05T13:00:00Z"), DigestWindows.DueFor(preferences, DateTimeOffset.Parse("2026-12-05T12:59:00Z"), false));
        Assert.Equal(DateTimeOffset.Parse("2026-12-06T13:00:00Z"), DigestWindows.DueFor(preferences, DateTimeOffset.Parse("2026-12-05T13:00:00Z"), false));
    }

    [Fact]
    public void A_digest_that_would_fall_in_quiet_hours_waits_for_their_end()
    {
        var preferences = Quiet() with { Digest = DigestFrequency.Daily, DigestAt = new TimeOnly(6, 30) };

        Assert.Equal(DateTimeOffset.Parse("2026-12-06T06:00:00Z"), DigestWindows.DueFor(preferences, DateTimeOffset.Parse("2026-12-05T12:00:00Z"), false));
    }

    [Fact]
    public void Over_the_hourly_limit_an_alert_is_due_at_the_next_local_hour() =>
        Assert.Equal(DateTimeOffset.Parse("2026-12-05T13:00:00Z"),
            DigestWindows.DueFor(new DeliveryPreferences { MaxAlertsPerHour = 3 }, DateTimeOffset.Parse("2026-12-05T12:20:00Z"), overRateLimit: true));

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_moves_to_the_first_valid_instant()
    {
        // 2026-03-29 02:30 does not exist in Berlin (02:00 -> 03:00).
        var due = DigestWindows.Next(new TimeOnly(2, 30), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), DateTimeOffset.Parse("2026-03-28T12:00:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:00:00Z"), due);
    }

    [Fact]
    public void Every_alert_of_one_window_gets_the_same_due_time()
    {
        var preferences = new DeliveryPreferences { Digest = DigestFrequency.Hourly, TimeZone = "Asia/Kolkata" };
        var start = DateTimeOffset.Parse("2026-12-05T10:30:00Z"); // 16:00 in Kolkata (UTC+5:30)

        var dues = Enumerable.Range(0, 60).Select(m => DigestWindows.DueFor(preferences, start.AddMinutes(m), false)).Distinct().ToArray();

        Assert.Equal([DateTimeOffset.Parse("2026-12-05T11:30:00Z")], dues);
    }
}
