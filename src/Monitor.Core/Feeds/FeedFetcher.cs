using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsMonitor.Net;

namespace NewsMonitor.Feeds;

/// <summary>
/// Downloads one feed politely and within hard limits: a conditional GET with the stored validators,
/// a User-Agent naming the service, redirects followed by hand (each hop connects through the SSRF guard
/// again), per-host concurrency, a read timeout per wait and a total timeout, and a body cap counted on
/// the decompressed bytes. Never throws for anything the remote side does; only the caller's
/// cancellation escapes as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class FeedFetcher(
    IHttpClientFactory httpClientFactory,
    HostConcurrencyLimiter hostLimiter,
    IOptions<FeedReadingOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>The named <see cref="HttpClient"/> whose primary handler is the guarded one (see <see cref="FeedReadingServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "NewsMonitor.Feeds";

    private const string AcceptedMediaTypes =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
        "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private readonly FeedReadingOptions _options = options.Value;

    public async Task<FeedFetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var hostSlot = await hostLimiter.AcquireAsync(url, cancellationToken).ConfigureAwait(false);
        using var total = new CancellationTokenSource(_options.TotalTimeout, timeProvider);
        using var wait = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, total.Token, wait.Token);
        var client = httpClientFactory.CreateClient(HttpClientName);

        var attempt = new Attempt(url);
        try
        {
            return await FetchFollowingRedirectsAsync(client, attempt, etag, lastModified, wait, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested)
        {
            return attempt.Fail($"timed out after {ReadableSize.Duration(_options.TotalTimeout)} {attempt.Phase} (total time limit)");
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            return attempt.Fail($"timed out after {ReadableSize.Duration(_options.ReadTimeout)} {attempt.Phase}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException or OperationCanceledException)
        {
            return attempt.Fail(DescribeTransportFailure(ex, attempt));
        }
    }

    private async Task<FeedFetchResult> FetchFollowingRedirectsAsync(
        HttpClient client, Attempt attempt, string? etag, string? lastModified, CancellationTokenSource wait, CancellationToken token)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = CreateRequest(attempt.Url, etag, lastModified);
            attempt.Phase = "waiting for the response";
            wait.CancelAfter(_options.ReadTimeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            wait.CancelAfter(Timeout.InfiniteTimeSpan);
            attempt.HttpStatus = (int)response.StatusCode;

            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= _options.MaxRedirects)
                    return attempt.Fail($"too many redirects (more than {_options.MaxRedirects})");
                if (ResolveRedirect(attempt.Url, response) is not { } target)
                    return attempt.Fail($"HTTP {(int)response.StatusCode} redirect without a usable http(s) Location");
                attempt.AllRedirectsPermanent &= response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
                attempt.Url = target;
                attempt.Redirected = true;
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return attempt.Result(FeedFetchStatus.NotModified) with
                {
                    ETag = HeaderValue(response.Headers, "ETag") ?? etag,
                    LastModified = HeaderValue(response.Content.Headers, "Last-Modified") ?? lastModified,
                    MaxAge = MaxAgeOf(response),
                };
            }

            if (!response.IsSuccessStatusCode)
            {
                return attempt.Fail($"HTTP {(int)response.StatusCode} {ReasonPhrase(response)}") with
                {
                    RetryAfter = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                        ? RetryAfterOf(response)
                        : null,
                };
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBodyBytes)
                return attempt.Fail($"body exceeds {ReadableSize.Bytes(_options.MaxBodyBytes)} (Content-Length {declared})");

            attempt.Phase = "reading the body";
            var body = await ReadBodyAsync(response.Content, wait, token).ConfigureAwait(false);
            if (body is null)
                return attempt.Fail($"body exceeds {ReadableSize.Bytes(_options.MaxBodyBytes)}");

            return attempt.Result(FeedFetchStatus.Fetched) with
            {
                Body = body,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                Charset = response.Content.Headers.ContentType?.CharSet?.Trim('"', '\''),
                ETag = HeaderValue(response.Headers, "ETag"),
                LastModified = HeaderValue(response.Content.Headers, "Last-Modified"),
                MaxAge = MaxAgeOf(response),
            };
        }
    }

    private HttpRequestMessage CreateRequest(Uri url, string? etag, string? lastModified)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11 };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptedMediaTypes);
        if (!string.IsNullOrEmpty(etag)) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (!string.IsNullOrEmpty(lastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return request;
    }

    /// <summary>Reads the (already decompressed) body; null once it grows past the cap. Each wait for data has the read timeout.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationTokenSource wait, CancellationToken token)
    {
        wait.CancelAfter(_options.ReadTimeout);
        await using var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                wait.CancelAfter(_options.ReadTimeout);
                var read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                if (read == 0) break;
                if (body.Length + read > _options.MaxBodyBytes) return null;
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            wait.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        return body.ToArray();
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri? ResolveRedirect(Uri current, HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null) return null;
        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        return target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps ? target : null;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static TimeSpan? MaxAgeOf(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        return cacheControl is null || cacheControl.NoStore || cacheControl.NoCache ? null : cacheControl.MaxAge;
    }

    private static string? HeaderValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string ReasonPhrase(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase.Trim();

    private string DescribeTransportFailure(Exception ex, Attempt attempt)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is BlockedAddressException blocked)
                return $"refused: {blocked.Host} resolves to a private, loopback or link-local address";
            if (inner is TimeoutException)
                return $"timed out after {ReadableSize.Duration(_options.ConnectTimeout)} connecting to {attempt.Url.Host}";
        }

        return ex switch
        {
            InvalidDataException => $"invalid compressed body: {ex.Message}",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"DNS lookup failed for {attempt.Url.Host}",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"cannot connect to {attempt.Url.Authority}: {ex.Message}",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => $"TLS handshake with {attempt.Url.Host} failed",
            _ => $"connection broke {attempt.Phase}: {ex.Message}",
        };
    }

    /// <summary>The mutable progress of one fetch, from which its result is built.</summary>
    private sealed class Attempt(Uri url)
    {
        private readonly Uri _requested = url;

        public Uri Url { get; set; } = url;
        public bool Redirected { get; set; }
        public bool AllRedirectsPermanent { get; set; } = true;
        public int? HttpStatus { get; set; }
        public string Phase { get; set; } = "connecting";

        public FeedFetchResult Result(FeedFetchStatus status) => new()
        {
            Status = status,
            Url = Url,
            PermanentUrl = Redirected && AllRedirectsPermanent && Url != _requested ? Url : null,
            HttpStatus = HttpStatus,
        };

        // A failed fetch moves nothing: the stored URL follows a permanent redirect only once its target answered.
        public FeedFetchResult Fail(string error) => Result(FeedFetchStatus.Failed) with { Error = error, PermanentUrl = null };
    }
}
