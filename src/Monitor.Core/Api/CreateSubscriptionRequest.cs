namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/subscriptions</c> (contract): the receiver's URL and the topic ids it follows.</summary>
public sealed record CreateSubscriptionRequest
{
    public required string Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>"webhook" (the default), "slack", "teams", "discord" or "email" (then <see cref="Url"/> is the address).</summary>
    public string? Channel { get; init; }

    /// <summary>"hourly", "daily" or "none" (chat and e-mail channels).</summary>
    public string? Digest { get; init; }

    /// <summary>Local time of the daily digest, "08:00" by default.</summary>
    public string? DigestAt { get; init; }

    /// <summary>IANA time zone of <see cref="DigestAt"/> and <see cref="QuietHours"/>; UTC by default.</summary>
    public string? TimeZone { get; init; }

    /// <summary>"22:00-07:00": alerts in this local window wait and go out as one digest when it ends.</summary>
    public string? QuietHours { get; init; }

    /// <summary>At most this many single alerts an hour; the rest go out as a digest at the next hour.</summary>
    public int? MaxAlertsPerHour { get; init; }
}
