namespace NewsMonitor.Channels.Digests;

/// <summary>
/// Local-time arithmetic for digests and quiet hours. Every held alert goes into the digest due at one instant, and
/// that instant is a function of the time the alert was held, so all alerts of one window share one digest record
/// (and one deterministic id) whichever instance holds them. Daylight-saving gaps move a local time forward to the
/// first valid instant; an ambiguous local time is its first occurrence.
/// </summary>
public static class DigestWindows
{
    public static TimeZoneInfo Zone(DeliveryPreferences preferences) => TimeZoneInfo.FindSystemTimeZoneById(preferences.TimeZone);

    public static bool TryFindZone(string id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static bool InQuietHours(DeliveryPreferences preferences, DateTimeOffset now)
    {
        if (preferences.QuietFrom is not { } from || preferences.QuietUntil is not { } until) return false;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(preferences)).DateTime);
        return from < until ? local >= from && local < until : local >= from || local < until;
    }

    /// <summary>When the digest holding an alert held at <paramref name="now"/> goes out, or null when the alert may go now.</summary>
    /// <param name="overRateLimit">The subscription has used its alerts for this hour: hold until the next local hour.</param>
    public static DateTimeOffset? DueFor(DeliveryPreferences preferences, DateTimeOffset now, bool overRateLimit)
    {
        var zone = Zone(preferences);
        DateTimeOffset? due = null;
        if (InQuietHours(preferences, now))
            due = Next(preferences.QuietUntil!.Value, zone, now);
        else if (preferences.Digest == DigestFrequency.Hourly || overRateLimit)
            due = NextHour(zone, now);
        else if (preferences.Digest == DigestFrequency.Daily)
            due = Next(preferences.DigestAt ?? new TimeOnly(8, 0), zone, now);
        // A digest never goes out inside quiet hours: one that would is sent when they end.
        if (due is { } at && InQuietHours(preferences, at))
            due = Next(preferences.QuietUntil!.Value, zone, at);
        return due;
    }

    /// <summary>The first instant after <paramref name="after"/> at which the local clock of <paramref name="zone"/> shows <paramref name="at"/>.</summary>
    public static DateTimeOffset Next(TimeOnly at, TimeZoneInfo zone, DateTimeOffset after)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var day = -1; day <= 2; day++)
        {
            var candidate = ToInstant(today.AddDays(day).ToDateTime(at), zone);
            if (candidate > after) return candidate;
        }
        throw new InvalidOperationException("No local time within two days: unreachable for a valid time zone.");
    }

    private static DateTimeOffset NextHour(TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        return Next(new TimeOnly(local.Hour, 0).AddHours(1), zone, after);
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
