using System.Diagnostics.Metrics;

namespace NewsMonitor.Telemetry;

/// <summary>How one poll of one feed ended.</summary>
public enum FeedPollResult
{
    /// <summary>The feed was downloaded and parsed (whether or not it held new items).</summary>
    Updated,

    /// <summary>The server answered 304 Not Modified to a conditional request: nothing was parsed.</summary>
    NotModified,

    /// <summary>The download or the parse failed.</summary>
    Failed,
}

/// <summary>How one webhook delivery attempt ended.</summary>
public enum DeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The attempt failed and another one is scheduled.</summary>
    Retrying,

    /// <summary>The receiver answered 410 Gone and the subscription was disabled.</summary>
    Disabled,

    /// <summary>The last attempt failed; the alert is in the dead-letter log.</summary>
    DeadLettered,
}

/// <summary>
/// NewsMonitor's own metrics, on the meter <see cref="MonitorTelemetry.Name"/>. Register it as a singleton
/// (<see cref="TelemetryServiceCollectionExtensions.AddMonitorTelemetry"/> does) and call it from the pipeline;
/// with no listener attached every call is a cheap no-op.
/// </summary>
/// <remarks>
/// Tags are kept to small fixed sets (results, outcomes, error kinds). Feed URLs and topic ids are left to the
/// structured logs: with thousands of topics they would multiply the metric series past what is useful or cheap.
/// </remarks>
public sealed class MonitorMetrics
{
    /// <summary>Tag on <c>newsmonitor.feed.polls</c>: updated, not_modified or failed.</summary>
    public const string PollResultTag = "newsmonitor.poll.result";

    /// <summary>Tag on <c>newsmonitor.feed.errors</c>: the caller's short error kind, e.g. timeout, http_503, parse.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag on the delivery instruments: delivered, retrying, disabled or dead_lettered.</summary>
    public const string DeliveryOutcomeTag = "newsmonitor.delivery.outcome";

    // From a fast receiver (tens of ms) to one that runs into the sender's timeout (tens of seconds).
    private static readonly IReadOnlyList<double> DurationBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> polls;
    private readonly Counter<long> feedErrors;
    private readonly Counter<long> matches;
    private readonly Counter<long> deliveries;
    private readonly Histogram<double> deliveryDuration;

    public MonitorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(MonitorTelemetry.Name) { Version = MonitorTelemetry.Version });

        polls = meter.CreateCounter<long>("newsmonitor.feed.polls", "{poll}", "Feed polls, by result.");
        feedErrors = meter.CreateCounter<long>("newsmonitor.feed.errors", "{error}", "Feed polls that failed, by error kind.");
        matches = meter.CreateCounter<long>("newsmonitor.matches", "{match}", "New (item, topic) matches stored.");
        deliveries = meter.CreateCounter<long>("newsmonitor.deliveries", "{attempt}", "Webhook delivery attempts, by outcome.");
        deliveryDuration = meter.CreateHistogram(
            "newsmonitor.delivery.duration", "s", "Time from sending a webhook to the receiver's answer (or the failure), by outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>Counts one poll of one feed; a failed poll is also counted under <paramref name="errorType"/>.</summary>
    /// <param name="result">How the poll ended.</param>
    /// <param name="errorType">For <see cref="FeedPollResult.Failed"/>: a short, low-cardinality kind such as
    /// <c>timeout</c>, <c>http_404</c>, <c>too_large</c>, <c>parse</c>, <c>blocked_address</c>. Ignored otherwise.</param>
    public void FeedPolled(FeedPollResult result, string? errorType = null)
    {
        polls.Add(1, new KeyValuePair<string, object?>(PollResultTag, Name(result)));
        if (result == FeedPollResult.Failed)
            feedErrors.Add(1, new KeyValuePair<string, object?>(ErrorTypeTag, string.IsNullOrWhiteSpace(errorType) ? "unknown" : errorType));
    }

    /// <summary>Counts matches newly stored (the ones that go on to be planned as alerts).</summary>
    public void Matched(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0)
            matches.Add(count);
    }

    /// <summary>Counts one webhook delivery attempt and records how long it took.</summary>
    /// <param name="outcome">How the attempt ended.</param>
    /// <param name="duration">From sending the request to the answer or the failure.</param>
    public void DeliveryAttempted(DeliveryOutcome outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(DeliveryOutcomeTag, Name(outcome));
        deliveries.Add(1, tag);
        deliveryDuration.Record(Math.Max(0, duration.TotalSeconds), tag);
    }

    private static string Name(FeedPollResult result) => result switch
    {
        FeedPollResult.Updated => "updated",
        FeedPollResult.NotModified => "not_modified",
        FeedPollResult.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    private static string Name(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.Retrying => "retrying",
        DeliveryOutcome.Disabled => "disabled",
        DeliveryOutcome.DeadLettered => "dead_lettered",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
