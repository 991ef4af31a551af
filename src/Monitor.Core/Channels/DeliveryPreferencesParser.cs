using System.Globalization;

namespace NewsMonitor.Channels;

/// <summary>Reads the delivery preferences of a subscribe request ("digest": "daily", "digestAt": "08:00", "quietHours": "22:00-07:00", ...).</summary>
public static class DeliveryPreferencesParser
{
    public const int MaxAlertsPerHourLimit = 1000;
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    /// <returns>The preferences (null when none were asked for), or the reason they are not valid.</returns>
    public static (DeliveryPreferences? Preferences, string? Error) Parse(string? digest, string? digestAt, string? timeZone, string? quietHours, int? maxAlertsPerHour)
    {
        if (digest is null && digestAt is null && timeZone is null && quietHours is null && maxAlertsPerHour is null) return (null, null);

        var frequency = digest?.Trim().ToLowerInvariant() switch
        {
            null or "" or "none" => DigestFrequency.None,
            "hourly" => DigestFrequency.Hourly,
            "daily" => DigestFrequency.Daily,
            _ => (DigestFrequency?)null,
        };
        if (frequency is null) return (null, $"\"digest\" must be \"hourly\", \"daily\" or \"none\", not '{digest}'.");

        TimeOnly? at = null;
        if (digestAt is not null)
        {
            if (frequency != DigestFrequency.Daily) return (null, "\"digestAt\" goes with \"digest\": \"daily\".");
            if (!TryParseTime(digestAt, out var parsed)) return (null, $"\"digestAt\" must be a local time such as \"08:00\", not '{digestAt}'.");
            at = parsed;
        }

        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!Digests.DigestWindows.TryFindZone(zone, out _))
            return (null, $"\"timeZone\" must be an IANA time zone such as \"Europe/Berlin\" or \"America/New_York\", not '{timeZone}'.");

        TimeOnly? from = null, until = null;
        if (quietHours is not null)
        {
            var parts = quietHours.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end) || start == end)
                return (null, $"\"quietHours\" must be two different local times such as \"22:00-07:00\", not '{quietHours}'.");
            (from, until) = (start, end);
        }

        if (maxAlertsPerHour is { } max && max is < 1 or > MaxAlertsPerHourLimit)
            return (null, $"\"maxAlertsPerHour\" must be 1 to {MaxAlertsPerHourLimit}, not {max}.");

        return (new DeliveryPreferences
        {
            Digest = frequency.Value,
            DigestAt = frequency == DigestFrequency.Daily ? at ?? new TimeOnly(8, 0) : null,
            TimeZone = zone,
            QuietFrom = from,
            QuietUntil = until,
            MaxAlertsPerHour = maxAlertsPerHour,
        }, null);
    }

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"22:00-07:00", or "22:00:30-07:00" when seconds matter.</summary>
    public static string Format(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
