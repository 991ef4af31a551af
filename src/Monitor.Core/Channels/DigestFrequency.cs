using System.Text.Json.Serialization;

namespace NewsMonitor.Channels;

[JsonConverter(typeof(JsonStringEnumConverter<DigestFrequency>))]
public enum DigestFrequency
{
    /// <summary>Every alert on its own, as soon as it matches.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>One message at the top of each local hour with the alerts of the hour.</summary>
    [JsonStringEnumMemberName("hourly")] Hourly,

    /// <summary>One message a day at <see cref="DeliveryPreferences.DigestAt"/> local time.</summary>
    [JsonStringEnumMemberName("daily")] Daily,
}
