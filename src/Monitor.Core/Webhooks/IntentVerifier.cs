using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Webhooks;

/// <summary>
/// Verification of intent (WebSub-style): before a URL gets alerts it must answer
/// <c>GET &lt;url&gt;?challenge=&lt;random&gt;</c> with a 2xx whose body is exactly the challenge, which only a
/// receiver built to accept these alerts does. This keeps the service from being pointed at someone else's endpoint.
/// </summary>
public sealed partial class IntentVerifier
{
    public const string ChallengeParameter = "challenge";

    private const int ChallengeBytes = 24;

    /// <summary>Enough for the challenge and a line ending; anything longer is not an echo anyway.</summary>
    private const int MaxAnswerBytes = 1024;

    private readonly WebhookHttp _http;
    private readonly WebhookOptions _options;
    private readonly ILogger<IntentVerifier> _logger;

    public IntentVerifier(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<IntentVerifier> logger)
    {
        _options = options.Value;
        _http = new WebhookHttp(clients, _options, time);
        _logger = logger;
    }

    /// <summary>Sends a fresh challenge to <paramref name="url"/>; only a cancelled token throws.</summary>
    public async Task<VerificationResult> VerifyAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        VerificationResult result;
        if (WebhookHttp.CheckShape(url, _options.RequireHttps) is { } reason)
        {
            result = VerificationResult.Failed(reason);
        }
        else
        {
            var challenge = NewChallenge();
            using var request = new HttpRequestMessage(HttpMethod.Get, WithChallenge(url, challenge));
            var exchange = await _http.ExchangeAsync(request, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
            result = Judge(exchange, challenge);
        }

        LogVerification(url.Host, result.IsVerified, result.FailureReason);
        return result;
    }

    private static VerificationResult Judge(WebhookExchange exchange, string challenge)
    {
        if (exchange.Failure is { } failure)
            return VerificationResult.Failed(failure.Message);
        if (exchange.StatusCode is not (>= 200 and <= 299))
            return VerificationResult.Failed($"answered {exchange.StatusCode}");
        return IsEcho(exchange.Body, challenge)
            ? VerificationResult.Verified
            : VerificationResult.Failed("the body did not echo the challenge");
    }

    /// <summary>
    /// Exactly the challenge, or the challenge and one line ending: <c>echo</c> and most text responses add a
    /// newline, and forgiving it costs no security since the random part must still match in full.
    /// </summary>
    internal static bool IsEcho(ReadOnlySpan<byte> body, string challenge)
    {
        if (body.EndsWith("\r\n"u8)) body = body[..^2];
        else if (body.EndsWith("\n"u8)) body = body[..^1];
        return body.SequenceEqual(Encoding.ASCII.GetBytes(challenge));
    }

    /// <summary>A url-safe random token, so it travels in a query string unescaped.</summary>
    public static string NewChallenge() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ChallengeBytes));

    /// <summary>Adds <c>challenge=…</c> to the URL's query, keeping any query it already has.</summary>
    public static Uri WithChallenge(Uri url, string challenge)
    {
        var builder = new UriBuilder(url);
        var existing = builder.Query.TrimStart('?');
        var parameter = $"{ChallengeParameter}={Uri.EscapeDataString(challenge)}";
        builder.Query = existing.Length == 0 ? parameter : $"{existing}&{parameter}";
        return builder.Uri;
    }

    [LoggerMessage(LogLevel.Information, "Intent verification of a webhook at {Host}: verified {Verified} {FailureReason}")]
    private partial void LogVerification(string host, bool verified, string? failureReason);
}
