using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Webhooks;

/// <summary>
/// Signs webhook bodies with the Standard Webhooks symmetric scheme: HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the decoded secret, sent as <c>v1,&lt;base64&gt;</c>.
/// Several secrets (old and new, during a rotation) give several space-separated signatures, so receivers
/// holding either key keep verifying.
/// </summary>
public sealed class WebhookSigner(TimeProvider timeProvider)
{
    private const string SignatureVersion = "v1";
    private const int MaxIdLength = 256;

    /// <summary>Signs an attempt made now (the timestamp is the attempt's, not the event's, so receivers can reject replays).</summary>
    public WebhookHeaders Sign(string webhookId, ReadOnlySpan<byte> body, IReadOnlyList<WebhookSecret> secrets)
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return new WebhookHeaders(webhookId, timestamp, Sign(webhookId, timestamp, body, secrets));
    }

    /// <summary>The <c>webhook-signature</c> value for the given id, unix timestamp and body.</summary>
    public static string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<WebhookSecret> secrets)
    {
        ValidateId(webhookId);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
            throw new ArgumentException("At least one secret is needed to sign a webhook.", nameof(secrets));

        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signatures = new string[secrets.Count];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < secrets.Count; i++)
        {
            // Incremental, so the body is hashed where it lies instead of being copied behind the prefix.
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secrets[i].Key);
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            hmac.GetHashAndReset(mac);
            signatures[i] = SignatureVersion + "," + Convert.ToBase64String(mac);
        }

        return string.Join(' ', signatures);
    }

    /// <summary>What <see cref="IsValidId"/> checks, for error messages.</summary>
    public const string IdRule = "A webhook id is 1 to 256 printable ASCII characters without '.' or spaces.";

    /// <summary>
    /// The spec warns that a '.' in the id would let one signed string be read as another; ids also travel in a
    /// header, so whitespace, control and non-ASCII characters are refused too.
    /// </summary>
    public static bool IsValidId(string? webhookId) =>
        !string.IsNullOrEmpty(webhookId) && webhookId.Length <= MaxIdLength && !webhookId.Any(c => c == '.' || c <= ' ' || c > '~');

    private static void ValidateId(string webhookId)
    {
        if (!IsValidId(webhookId))
            throw new ArgumentException(IdRule, nameof(webhookId));
    }
}
