namespace NewsMonitor.Feeds;

public enum FeedLoadOutcome
{
    /// <summary>The feed was read and parsed; <see cref="FeedLoadResult.Feed"/> holds it.</summary>
    Parsed,

    /// <summary>The server answered 304 (or a local file is unchanged): nothing to parse, nothing to write.</summary>
    NotModified,

    /// <summary>The feed could not be read or parsed; <see cref="FeedLoadResult.Error"/> is the one-line reason.</summary>
    Failed,
}

/// <summary>One feed's load: what happened, the parsed feed if any, and the state to persist for the next poll.</summary>
public sealed record FeedLoadResult
{
    /// <summary>The source as configured (URL or file path); the key the pipeline stores state under.</summary>
    public required string Source { get; init; }

    public required FeedLoadOutcome Outcome { get; init; }

    public ParsedFeed? Feed { get; init; }

    /// <summary>Why the load failed, e.g. "HTTP 404 Not Found", "not a feed: HTML page", "body exceeds 10 MiB".</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The next state: validators, health, next poll time and the followed permanent redirect. Its seen-set is
    /// still the previous one; the pipeline folds the items in with <see cref="FeedPollState.TakeNewItems"/>
    /// once it has stored what they produced.
    /// </summary>
    public required FeedPollState State { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>410 Gone: the publisher says the feed will not come back.</summary>
    public bool IsGone => HttpStatus == 410;
}
