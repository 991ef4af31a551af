using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Channels;

/// <summary>
/// POSTs a chat message to an incoming-webhook URL through the same guarded client, timeout and capped read as
/// webhooks, and reads the platform's rate-limit hint: the Retry-After header, or Slack's and Discord's
/// <c>retry_after</c> in a JSON body (seconds, possibly fractional). The URL is a secret: only its host is logged.
/// </summary>
public sealed partial class ChatSender
{
    private const int MaxResponseBytes = 16 * 1024;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private readonly WebhookHttp _http;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChatSender> _logger;

    public ChatSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<ChatSender> logger)
    {
        _options = options.Value;
        _http = new WebhookHttp(clients, _options, time);
        _time = time;
        _logger = logger;
    }

    public async Task<DeliveryAttempt> PostAsync(string subscriptionId, string url, byte[] body, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var uri = new Uri(url);
        if (WebhookHttp.CheckShape(uri, _options.RequireHttps) is { } reason)
            return Log(subscriptionId, uri, new DeliveryAttempt(started, null, TimeSpan.Zero, DeliveryOutcome.Blocked, reason, null));

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Options.Set(SecretUrlOption, true);
        var exchange = await _http.ExchangeAsync(request, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        return Log(subscriptionId, uri, ToAttempt(started, exchange));
    }

    private static readonly HttpRequestOptionsKey<bool> SecretUrlOption = new("NewsMonitor.SecretUrl");

    /// <summary>Whether a request goes to a chat webhook, whose URL must not be traced or logged.</summary>
    public static bool IsSecretUrlRequest(HttpRequestMessage request) => request.Options.TryGetValue(SecretUrlOption, out var secret) && secret;

    private static DeliveryAttempt ToAttempt(DateTimeOffset started, WebhookExchange exchange)
    {
        if (exchange.Failure is { } failure)
            return new DeliveryAttempt(started, null, exchange.Latency,
                failure.Kind == WebhookFailureKind.Blocked ? DeliveryOutcome.Blocked : DeliveryOutcome.Retry, failure.Message, null);

        var status = exchange.StatusCode!.Value;
        if (status is >= 200 and <= 299)
            return new DeliveryAttempt(started, status, exchange.Latency, DeliveryOutcome.Delivered, null, null);
        var (outcome, error) = status switch
        {
            // Slack answers 410 for an archived channel, Discord 404 for a deleted webhook: the hook is gone for good.
            404 or 410 => (DeliveryOutcome.Gone, $"answered {status}{Detail(exchange.Body)} (the channel or its webhook was removed)"),
            429 => (DeliveryOutcome.Retry, "answered 429: rate limited by the platform"),
            _ => (DeliveryOutcome.Retry, $"answered {status}{Detail(exchange.Body)}"),
        };
        return new DeliveryAttempt(started, status, exchange.Latency, outcome, error, exchange.RetryAfter ?? RetryAfterInBody(exchange.Body));
    }

    /// <summary>Slack and Discord explain refusals in a short body ("invalid_blocks", {"message": ...}); it contains no secret.</summary>
    private static string Detail(byte[] body)
    {
        if (body.Length == 0) return "";
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : $": {text}";
    }

    /// <summary>Discord's 429 body: <c>{"retry_after": 0.65, ...}</c> in seconds; Slack's can carry the same field.</summary>
    internal static TimeSpan? RetryAfterInBody(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("retry_after", out var value))
            {
                double seconds;
                if (value.ValueKind == JsonValueKind.Number) seconds = value.GetDouble();
                else if (value.ValueKind != JsonValueKind.String || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)) return null;
                return seconds is >= 0 and < 86_400 ? TimeSpan.FromSeconds(seconds) : null;
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private DeliveryAttempt Log(string subscriptionId, Uri url, DeliveryAttempt attempt)
    {
        LogAttempt(subscriptionId, url.Host, attempt.Outcome, attempt.StatusCode, attempt.Latency.TotalMilliseconds, attempt.Error);
        return attempt;
    }

    [LoggerMessage(LogLevel.Information, "Chat message for {SubscriptionId} to {Host}: {Outcome}, status {StatusCode}, {LatencyMs:0} ms {Error}")]
    private partial void LogAttempt(string subscriptionId, string host, DeliveryOutcome outcome, int? statusCode, double latencyMs, string? error);
}
