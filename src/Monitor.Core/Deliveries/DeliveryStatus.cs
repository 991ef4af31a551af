using System.Text.Json.Serialization;

namespace NewsMonitor.Deliveries;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    /// <summary>Planned or waiting for its next attempt.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,

    /// <summary>Every scheduled attempt failed; kept in the log and replayable.</summary>
    [JsonStringEnumMemberName("dead-lettered")] DeadLettered,

    /// <summary>Not sent: the subscription answered 410, was disabled or deleted.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,

    /// <summary>Held back (digest mode, quiet hours, hourly limit) and sent in the digest named by <see cref="Delivery.HeldFor"/>.</summary>
    [JsonStringEnumMemberName("digested")] Digested,
}
