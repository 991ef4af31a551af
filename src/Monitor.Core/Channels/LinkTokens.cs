using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Storage;

namespace NewsMonitor.Channels;

/// <summary>
/// Signed tokens for the links in e-mails (one-click unsubscribe, confirmation), so those routes need no API key and
/// cannot be forged: <c>base64url(purpose:subscription[:code]).base64url(HMAC-SHA256)</c>. The key is random, made on
/// first use and kept in storage (<c>keys/link-tokens.json</c>, created only if absent), so every instance of the
/// service, and every restart, signs with the same key without any configuration.
/// </summary>
public sealed class LinkTokens(JsonBlobs blobs)
{
    public const string Unsubscribe = "unsubscribe";
    public const string Confirm = "confirm";
    private const string KeyBlob = "keys/link-tokens.json";

    private byte[]? _key;

    public async Task<string> CreateAsync(string purpose, string payload, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($"{purpose}:{payload}");
        var mac = HMACSHA256.HashData(await KeyAsync(cancellationToken).ConfigureAwait(false), body);
        return Base64Url.EncodeToString(body) + "." + Base64Url.EncodeToString(mac);
    }

    /// <returns>The payload the token was made for, or null when it is not a valid token for <paramref name="purpose"/>.</returns>
    public async Task<string?> ReadAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        byte[] body, mac;
        try
        {
            body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = HMACSHA256.HashData(await KeyAsync(cancellationToken).ConfigureAwait(false), body);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected)) return null;
        var text = Encoding.UTF8.GetString(body);
        return text.StartsWith(purpose + ":", StringComparison.Ordinal) ? text[(purpose.Length + 1)..] : null;
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached) return cached;
        // Create-if-absent: two instances starting together agree on whichever key was written first.
        await blobs.TryCreateAsync(KeyBlob, new LinkTokenKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), cancellationToken).ConfigureAwait(false);
        var stored = await blobs.GetAsync<LinkTokenKey>(KeyBlob, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The link signing key '{KeyBlob}' vanished right after it was created.");
        return _key = Convert.FromBase64String(stored.Value.Key);
    }

    private sealed record LinkTokenKey(string Key);
}
