using NewsMonitor.Channels;

namespace NewsMonitor.Tests.Channels;

public sealed class DeliveryPreferencesParserTests
{
    [Fact]
    public void Nothing_asked_means_no_preferences() => Assert.Equal((null, null), DeliveryPreferencesParser.Parse(null, null, null, null, null));

    [Fact]
    public void A_daily_digest_with_quiet_hours_and_a_limit_is_read()
    {
        var (preferences, error) = DeliveryPreferencesParser.Parse("daily", "07:30", "Europe/Berlin", "22:00-06:45", 5);

        Assert.Null(error);
        Assert.Equal(new DeliveryPreferences
        {
            Digest = DigestFrequency.Daily, DigestAt = new TimeOnly(7, 30), TimeZone = "Europe/Berlin",
            QuietFrom = new TimeOnly(22, 0), QuietUntil = new TimeOnly(6, 45), MaxAlertsPerHour = 5,
        }, preferences);
    }

    [Theory]
    [InlineData("weekly", null, null, null, null, "\"digest\"")]
    [InlineData("hourly", "08:00", null, null, null, "\"digestAt\" goes with")]
    [InlineData("daily", "25:00", null, null, null, "\"digestAt\" must be")]
    [InlineData(null, null, "Mars/Olympus", null, null, "IANA")]
    [InlineData(null, null, null, "22:00", null, "\"quietHours\"")]
    [InlineData(null, null, null, "07:00-07:00", null, "\"quietHours\"")]
    [InlineData(null, null, null, null, 0, "\"maxAlertsPerHour\"")]
    public void Bad_values_are_refused_with_the_field_named(string? digest, string? at, string? zone, string? quiet, int? max, string expected)
    {
        var (preferences, error) = DeliveryPreferencesParser.Parse(digest, at, zone, quiet, max);

        Assert.Null(preferences);
        Assert.Contains(expected, error);
    }
}
