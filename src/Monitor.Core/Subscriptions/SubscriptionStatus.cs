using System.Text.Json.Serialization;

namespace NewsMonitor.Subscriptions;

[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionStatus>))]
public enum SubscriptionStatus
{
    /// <summary>Created, but its URL has not yet echoed the verification challenge; gets no alerts.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Verified; gets alerts.</summary>
    [JsonStringEnumMemberName("active")] Active,

    /// <summary>Its receiver answered 410 Gone, or it was disabled; gets no alerts.</summary>
    [JsonStringEnumMemberName("disabled")] Disabled,
}
