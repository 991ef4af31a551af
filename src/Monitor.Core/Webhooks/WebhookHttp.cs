using System.Net.Http.Headers;
using NewsMonitor.Net;

namespace NewsMonitor.Webhooks;

/// <summary>
/// The one place where requests to subscribers' URLs are made, shared by delivery and intent verification: the
/// guarded named client, the per-attempt timeout on the injected clock, the capped read of the answer, and the
/// translation of exceptions into a failure that can be logged and shown.
/// </summary>
internal sealed class WebhookHttp(IHttpClientFactory clients, WebhookOptions options, TimeProvider time)
{
    public const string ClientName = "NewsMonitor.Webhooks";
    public const string UserAgent = "NewsMonitor-Webhooks/1.0";

    private const int MaxErrorLength = 300;

    /// <summary>
    /// Sends <paramref name="request"/> and reads at most <paramref name="maxBodyBytes"/> of the answer: a receiver
    /// can neither hold an attempt past the timeout nor make us buffer an endless body. A cancelled
    /// <paramref name="cancellationToken"/> throws; every other failure is returned.
    /// </summary>
    public async Task<WebhookExchange> ExchangeAsync(HttpRequestMessage request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadCappedAsync(response.Content, maxBodyBytes, linked.Token).ConfigureAwait(false);
            return new WebhookExchange((int)response.StatusCode, body, RetryAfter(response.Headers.RetryAfter), time.GetElapsedTime(started), null);
        }
        catch (Exception e) when (Describe(e, cancellationToken) is { } failure)
        {
            return new WebhookExchange(null, [], null, time.GetElapsedTime(started), failure);
        }
    }

    private WebhookFailure? Describe(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return null;
        if (exception is OperationCanceledException)
            return new WebhookFailure(WebhookFailureKind.TimedOut, $"timed out after {options.Timeout.TotalSeconds:0.###} s");

        // The connect callback's refusal arrives wrapped in an HttpRequestException.
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is BlockedAddressException blocked)
                return new WebhookFailure(WebhookFailureKind.Blocked, Shorten(blocked.Message));
        }

        if (exception is HttpRequestException or IOException)
        {
            // The outer message is often generic ("An error occurred while sending the request"); the inner one says what happened.
            var detail = exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{exception.Message} ({inner.Message})"
                : exception.Message;
            return new WebhookFailure(WebhookFailureKind.Network, Shorten(detail));
        }

        return null;
    }

    private static string Shorten(string message) => message.Length <= MaxErrorLength ? message : message[..MaxErrorLength] + "…";

    /// <summary>Retry-After as a wait from now: delta-seconds as given, an HTTP date relative to the injected clock.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is not { } date) return null;
        var wait = date - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[maxBytes];
        var length = 0;
        int read;
        while (length < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return buffer[..length];
    }

    /// <summary>
    /// Checks what can be checked without the network: absolute http(s), https where required, no user info.
    /// Null when the URL is acceptable, else the reason.
    /// </summary>
    public static string? CheckShape(Uri? url, bool requireHttps)
    {
        if (url is null || !url.IsAbsoluteUri)
            return "The URL must be absolute, such as https://example.com/hooks/news.";
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            return $"The URL must use https{(requireHttps ? "" : " or http")}, not '{url.Scheme}'.";
        if (requireHttps && url.Scheme != Uri.UriSchemeHttps)
            return "The URL must use https.";
        if (!string.IsNullOrEmpty(url.UserInfo))
            return "The URL must not contain a user name or password; authenticate alerts with the webhook signature instead.";
        return null;
    }
}
