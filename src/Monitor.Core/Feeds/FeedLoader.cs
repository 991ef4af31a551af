using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Feeds;

/// <summary>
/// Reads a feed from an http(s) URL or a local file, parses it, and computes the state to persist:
/// the one entry point the poll cycle and <c>monitor scan</c> use. Every failure of the feed itself ends
/// as a <see cref="FeedLoadOutcome.Failed"/> result with a one-line reason, never as an exception.
/// </summary>
public sealed partial class FeedLoader(
    FeedFetcher fetcher,
    FeedParser parser,
    NextPollPolicy nextPoll,
    IOptions<FeedReadingOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedLoader> logger)
{
    private readonly FeedReadingOptions _options = options.Value;

    public async Task<FeedLoadResult> LoadAsync(string source, FeedPollState? previous, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var state = previous ?? FeedPollState.For(source);
        FeedLoadResult result;
        try
        {
            result = FeedSource.TryGetHttpUrl(state.Url, out var url)
                ? await LoadFromHttpAsync(source, url, state, cancellationToken).ConfigureAwait(false)
                : await LoadFromFileAsync(source, state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Every known failure already has its reason; this keeps an unforeseen one to its own feed too.
            LogUnexpectedFailure(ex, source);
            result = Failed(source, state, $"unexpected {ex.GetType().Name}: {ex.Message}", null, timeProvider.GetUtcNow(), null);
        }

        if (result.Outcome == FeedLoadOutcome.Failed)
            LogFeedFailed(source, result.Error, result.State.ConsecutiveFailures, result.State.NextPollAt);
        else
            LogFeedLoaded(source, result.Outcome, result.Feed?.Items.Count ?? 0);
        return result;
    }

    /// <summary>Loads many feeds with at most <paramref name="maxConcurrency"/> at a time, yielding each result as it completes.</summary>
    public IAsyncEnumerable<FeedLoadResult> LoadAllAsync(IEnumerable<string> sources, int maxConcurrency, CancellationToken cancellationToken) =>
        LoadAllAsync(sources.Select(source => new FeedLoadRequest(source)), maxConcurrency, cancellationToken);

    /// <summary>Loads many feeds with at most <paramref name="maxConcurrency"/> at a time, yielding each result as it completes.</summary>
    public async IAsyncEnumerable<FeedLoadResult> LoadAllAsync(
        IEnumerable<FeedLoadRequest> requests, int maxConcurrency, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);

        var results = Channel.CreateBounded<FeedLoadResult>(maxConcurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = stop.Token };
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(requests, parallel, async (request, token) =>
                {
                    var result = await LoadAsync(request.Source, request.Previous, token).ConfigureAwait(false);
                    await results.Writer.WriteAsync(result, token).ConfigureAwait(false);
                }).ConfigureAwait(false);
                results.Writer.Complete();
            }
            catch (Exception ex)
            {
                results.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return result;
        }
        finally
        {
            // The consumer may stop early: cancel the loads still running and let them finish before returning.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    private async Task<FeedLoadResult> LoadFromHttpAsync(string source, Uri url, FeedPollState state, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, state.ETag, state.LastModified, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        // The stored URL follows a permanent redirect only once the new location has served the feed.
        var served = state with
        {
            Url = fetched.PermanentUrl?.ToString() ?? state.Url,
            ETag = fetched.ETag,
            LastModified = fetched.LastModified,
        };

        switch (fetched.Status)
        {
            case FeedFetchStatus.NotModified:
                return Succeeded(source, served, null, fetched.MaxAge, now, fetched.HttpStatus);
            case FeedFetchStatus.Failed:
                return Failed(source, state, fetched.Error ?? "failed", fetched.RetryAfter, now, fetched.HttpStatus);
        }

        try
        {
            var body = fetched.Body!;
            var (unchanged, withHash) = CompareContent(served, state, body);
            var feed = unchanged ? null : parser.Parse(body, source, fetched.Charset);
            return Succeeded(source, withHash, feed, fetched.MaxAge, now, fetched.HttpStatus);
        }
        catch (FeedParseException ex)
        {
            var servedAs = fetched.ContentType is { } type && !LooksLikeFeedMediaType(type) ? $" (served as {type})" : "";
            return Failed(source, state, ex.Message + servedAs, null, now, fetched.HttpStatus);
        }
    }

    private async Task<FeedLoadResult> LoadFromFileAsync(string source, FeedPollState state, CancellationToken cancellationToken)
    {
        var path = FeedSource.LocalPath(state.Url);
        var now = timeProvider.GetUtcNow();
        var file = new FileInfo(path);
        if (!file.Exists)
            return Failed(source, state, $"file not found: {path}", null, now, null);
        if (file.Length > _options.MaxBodyBytes)
            return Failed(source, state, $"body exceeds {ReadableSize.Bytes(_options.MaxBodyBytes)}", null, now, null);

        // A file's modification time plays the part of Last-Modified: an unchanged file is not parsed again.
        var modified = file.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture);
        if (modified == state.LastModified && state.LastSuccessAt is not null)
            return Succeeded(source, state, null, null, now, null);

        try
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var (unchanged, withHash) = CompareContent(state with { LastModified = modified, ETag = null }, state, content);
            var feed = unchanged ? null : parser.Parse(content, source);
            return Succeeded(source, withHash, feed, null, now, null);
        }
        catch (FeedParseException ex)
        {
            return Failed(source, state, ex.Message, null, now, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(source, state, $"cannot read {path}: {ex.Message}", null, now, null);
        }
    }

    /// <summary>Whether <paramref name="body"/> is byte for byte what the previous successful poll parsed, and the state recording its digest.</summary>
    private static (bool Unchanged, FeedPollState State) CompareContent(FeedPollState next, FeedPollState previous, byte[] body)
    {
        var hash = ContentFingerprint.Of(body);
        return (previous.LastSuccessAt is not null && hash == previous.ContentHash, next with { ContentHash = hash });
    }

    private FeedLoadResult Succeeded(string source, FeedPollState state, ParsedFeed? feed, TimeSpan? maxAge, DateTimeOffset now, int? httpStatus) => new()
    {
        Source = source,
        Outcome = feed is null ? FeedLoadOutcome.NotModified : FeedLoadOutcome.Parsed,
        Feed = feed,
        HttpStatus = httpStatus,
        State = state with
        {
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            NextPollAt = nextPoll.AfterSuccess(now, maxAge, feed?.TimeToLive),
        },
    };

    private FeedLoadResult Failed(string source, FeedPollState state, string error, TimeSpan? retryAfter, DateTimeOffset now, int? httpStatus)
    {
        var failures = state.ConsecutiveFailures + 1;
        return new FeedLoadResult
        {
            Source = source,
            Outcome = FeedLoadOutcome.Failed,
            Error = error,
            HttpStatus = httpStatus,
            State = state with
            {
                LastErrorAt = now,
                LastError = error,
                ConsecutiveFailures = failures,
                NextPollAt = nextPoll.AfterFailure(now, failures, retryAfter),
            },
        };
    }

    private static bool LooksLikeFeedMediaType(string mediaType) =>
        mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} failed: {Reason} ({ConsecutiveFailures} in a row; next poll {NextPollAt:O})")]
    private partial void LogFeedFailed(string feed, string? reason, int consecutiveFailures, DateTimeOffset? nextPollAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {Feed} failed in an unexpected way")]
    private partial void LogUnexpectedFailure(Exception exception, string feed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Feed}: {Outcome}, {ItemCount} items")]
    private partial void LogFeedLoaded(string feed, FeedLoadOutcome outcome, int itemCount);
}
