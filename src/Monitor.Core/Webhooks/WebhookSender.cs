using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Alerts;

namespace NewsMonitor.Webhooks;

/// <summary>
/// Makes one delivery attempt of a signed alert and says what it means (<see cref="DeliveryOutcome"/>); the
/// caller owns the retry loop, the delivery log and the subscription's state.
/// </summary>
public sealed partial class WebhookSender
{
    /// <summary>Receivers answer with an acknowledgement at most; the rest is read only to free the connection, then dropped.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    /// <summary>Structured-mode CloudEvents media type, as the CloudEvents HTTP binding prescribes for a whole event in the body.</summary>
    public static readonly MediaTypeHeaderValue ContentType = new(AlertEvent.StructuredContentType) { CharSet = "utf-8" };

    private readonly WebhookHttp _http;
    private readonly WebhookSigner _signer;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;

    public WebhookSender(IHttpClientFactory clients, WebhookSigner signer, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
    {
        _options = options.Value;
        _http = new WebhookHttp(clients, _options, time);
        _signer = signer;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends <paramref name="alert"/> with its CloudEvent id as the webhook-id, so the two can never disagree.
    /// </summary>
    public Task<DeliveryAttempt> SendAsync(Uri url, AlertEvent alert, IReadOnlyList<WebhookSecret> secrets, CancellationToken cancellationToken) =>
        SendAsync(url, alert.Id, AlertEventFactory.Serialize(alert), secrets, cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="url"/>, signed with every secret in <paramref name="secrets"/>
    /// (the current one, and the previous one during a rotation). Only a cancelled
    /// <paramref name="cancellationToken"/> throws; every failure of the receiver or the network is an attempt.
    /// </summary>
    /// <param name="webhookId">The alert id (the CloudEvent id): the same on every retry and replay.</param>
    public async Task<DeliveryAttempt> SendAsync(Uri url, string webhookId, ReadOnlyMemory<byte> body, IReadOnlyList<WebhookSecret> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var started = _time.GetUtcNow();

        // The subscription may predate a stricter configuration; refuse here too rather than trust the stored URL.
        if (WebhookHttp.CheckShape(url, _options.RequireHttps) is { } reason)
            return Record(url, webhookId, new DeliveryAttempt(started, null, TimeSpan.Zero, DeliveryOutcome.Blocked, reason, null));

        var headers = _signer.Sign(webhookId, body.Span, secrets);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = ContentType;
        request.Headers.Add(WebhookHeaders.IdHeader, headers.Id);
        request.Headers.Add(WebhookHeaders.TimestampHeader, headers.Timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.SignatureHeader, headers.Signature);

        var exchange = await _http.ExchangeAsync(request, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        return Record(url, webhookId, ToAttempt(started, exchange));
    }

    private static DeliveryAttempt ToAttempt(DateTimeOffset started, WebhookExchange exchange)
    {
        if (exchange.Failure is { } failure)
        {
            var outcome = failure.Kind == WebhookFailureKind.Blocked ? DeliveryOutcome.Blocked : DeliveryOutcome.Retry;
            return new DeliveryAttempt(started, null, exchange.Latency, outcome, failure.Message, null);
        }

        var status = exchange.StatusCode!.Value;
        var (result, error) = status switch
        {
            >= 200 and <= 299 => (DeliveryOutcome.Delivered, (string?)null),
            410 => (DeliveryOutcome.Gone, "answered 410 Gone: the receiver asked for no more alerts"),
            >= 300 and <= 399 => (DeliveryOutcome.Retry, $"answered {status}: redirects are not followed; point the subscription at the final URL"),
            _ => (DeliveryOutcome.Retry, $"answered {status}"),
        };
        return new DeliveryAttempt(started, status, exchange.Latency, result, error, result == DeliveryOutcome.Delivered ? null : exchange.RetryAfter);
    }

    private DeliveryAttempt Record(Uri url, string webhookId, DeliveryAttempt attempt)
    {
        // The host only: a URL's path or query may carry the receiver's own token.
        if (attempt.Outcome == DeliveryOutcome.Delivered)
            LogDelivered(webhookId, url.Host, attempt.StatusCode, attempt.Latency.TotalMilliseconds);
        else
            LogNotDelivered(webhookId, url.Host, attempt.Outcome, attempt.StatusCode, attempt.Latency.TotalMilliseconds, attempt.Error);
        return attempt;
    }

    [LoggerMessage(LogLevel.Information, "Webhook {WebhookId} delivered to {Host}: {StatusCode} in {LatencyMs:0} ms")]
    private partial void LogDelivered(string webhookId, string host, int? statusCode, double latencyMs);

    [LoggerMessage(LogLevel.Warning, "Webhook {WebhookId} not delivered to {Host}: {Outcome}, status {StatusCode}, {LatencyMs:0} ms: {Error}")]
    private partial void LogNotDelivered(string webhookId, string host, DeliveryOutcome outcome, int? statusCode, double latencyMs, string? error);
}
