namespace NewsMonitor.Channels;

/// <summary>
/// When a subscription wants its alerts: at once (the default), or gathered into a digest (hourly, or daily at a
/// local time), never during its quiet hours, and at most <see cref="MaxAlertsPerHour"/> single alerts an hour. Times are
/// local to <see cref="TimeZone"/>, an IANA id such as Europe/Berlin.
/// </summary>
public sealed record DeliveryPreferences
{
    public DigestFrequency Digest { get; init; }

    /// <summary>Local time of the daily digest.</summary>
    public TimeOnly? DigestAt { get; init; }

    public string TimeZone { get; init; } = "UTC";

    public TimeOnly? QuietFrom { get; init; }
    public TimeOnly? QuietUntil { get; init; }

    public int? MaxAlertsPerHour { get; init; }

    public bool HoldsAlerts => Digest != DigestFrequency.None || QuietFrom is not null || MaxAlertsPerHour is not null;
}
