using System.Text.Json.Serialization;

namespace NewsMonitor.Alerts;

/// <summary>
/// The alert sent to subscribers (contract): a CloudEvents 1.0 event in structured JSON mode. CloudEvents
/// attribute names are all lower case (<c>specversion</c>, <c>datacontenttype</c>), hence the explicit names.
/// </summary>
public sealed record AlertEvent
{
    public const string EventType = "newsmonitor.match";
    public const string CloudEventsVersion = "1.0";

    /// <summary>Media type of a structured-mode CloudEvent over HTTP (CloudEvents HTTP binding §3.2).</summary>
    public const string StructuredContentType = "application/cloudevents+json";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = CloudEventsVersion;

    /// <summary>Stable per (subscription, story); the same value is sent as <c>webhook-id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary><c>/newsmonitor/topics/{topicId}</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = EventType;

    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    /// <summary>The item's link, or its id when it has none.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("data")]
    public required AlertData Data { get; init; }
}
