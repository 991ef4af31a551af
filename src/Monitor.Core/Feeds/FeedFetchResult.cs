namespace NewsMonitor.Feeds;

public enum FeedFetchStatus
{
    /// <summary>A 2xx response whose body is in <see cref="FeedFetchResult.Body"/>.</summary>
    Fetched,

    /// <summary>304: the validators still match; nothing to parse.</summary>
    NotModified,

    /// <summary>No usable body; <see cref="FeedFetchResult.Error"/> says why.</summary>
    Failed,
}

/// <summary>The outcome of one HTTP fetch of a feed, with what the server said about caching and retries.</summary>
public sealed record FeedFetchResult
{
    public required FeedFetchStatus Status { get; init; }

    /// <summary>The URL that answered, after redirects.</summary>
    public required Uri Url { get; init; }

    /// <summary>Where the feed now lives when every redirect on the way was permanent (301/308); the stored URL should follow.</summary>
    public Uri? PermanentUrl { get; init; }

    public int? HttpStatus { get; init; }

    public byte[]? Body { get; init; }

    /// <summary>The charset parameter of Content-Type, if any.</summary>
    public string? Charset { get; init; }

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Retry-After of a 429 or 503, as a delay from now.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Cache-Control max-age of a successful response.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>One-line reason of a failure, e.g. "HTTP 404 Not Found" or "body exceeds 10 MiB".</summary>
    public string? Error { get; init; }
}
