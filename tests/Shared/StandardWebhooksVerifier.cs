using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Tests;

/// <summary>
/// A receiver's check of a Standard Webhooks signature, written from the specification independently of the
/// product's signer, so that tests catch a signer that is merely consistent with itself. HMAC-SHA256 over
/// "{id}.{timestamp}.{body}" with the base64-decoded part of "whsec_…", compared in constant time with each
/// "v1," entry of the signature header, and the timestamp within a tolerance of now (replay protection).
/// </summary>
public static class StandardWebhooksVerifier
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is authentic, else why not.</summary>
    public static string? Check(string secret, WebhookReceiverRequest request, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Check(secret, request.Header("webhook-id"), request.Header("webhook-timestamp"), request.Header("webhook-signature"), request.Body, now, tolerance);

    /// <summary>Null when the signature is valid, else why not.</summary>
    public static string? Check(string secret, string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureHeader))
            return "a webhook-id, webhook-timestamp or webhook-signature header is missing";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return "webhook-timestamp is not unix seconds";
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (tolerance ?? DefaultTolerance).TotalSeconds)
            return "webhook-timestamp is outside the tolerance";

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body.ToArray()).ToArray();
        var expected = HMACSHA256.HashData(key, signed);

        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || entry[..comma] != "v1") continue;
            var candidate = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var length)
                && CryptographicOperations.FixedTimeEquals(candidate.AsSpan(0, length), expected))
                return null;
        }

        return "no v1 signature matches";
    }
}
