using System.Text.Json.Serialization;

namespace NewsMonitor.Webhooks;

/// <summary>What one delivery attempt means for the alert and the subscription.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    /// <summary>The receiver answered 2xx: done.</summary>
    Delivered,

    /// <summary>Any other answer (3xx included: redirects are not followed), a network error or a timeout: try again on the schedule.</summary>
    Retry,

    /// <summary>410 Gone: the receiver wants no more alerts; disable the subscription.</summary>
    Gone,

    /// <summary>
    /// The URL is not allowed: it resolves to a loopback, private, link-local or metadata address (checked at
    /// connect time, against DNS rebinding), or it is plain http where https is required. Retrying cannot help
    /// while the policy stands, so dead-letter the alert now; it can be replayed once the URL is fixed.
    /// </summary>
    Blocked,
}
