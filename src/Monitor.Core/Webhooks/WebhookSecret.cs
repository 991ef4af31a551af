using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NewsMonitor.Webhooks;

/// <summary>
/// A subscription's Standard Webhooks signing key: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes.
/// The key is deliberately hard to leak: <see cref="ToString"/> is redacted, there is no public property a
/// serialiser or logger would pick up, and only <see cref="Reveal"/> gives the text back (to show it once to the
/// subscriber and to store it).
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The spec asks for at least 24 bytes (192 bits); 64 bytes is the HMAC-SHA256 block size, beyond which keys are hashed anyway.</summary>
    public const int MinKeyBytes = 24;

    public const int MaxKeyBytes = 64;

    private const int GeneratedKeyBytes = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>The decoded key bytes, the HMAC key. Internal so that only the signer touches them.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>A new secret of 32 bytes from the cryptographic random number generator.</summary>
    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>Parses <c>whsec_&lt;base64&gt;</c>; throws <see cref="FormatException"/> with a reason that never quotes the input.</summary>
    public static WebhookSecret Parse(string text) =>
        TryParse(text, out var secret, out var reason) ? secret : throw new FormatException(reason);

    public static bool TryParse(string? text, [NotNullWhen(true)] out WebhookSecret? secret) => TryParse(text, out secret, out _);

    /// <summary>Parses <c>whsec_&lt;base64&gt;</c>. The reason, on failure, describes the problem without quoting the input.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WebhookSecret? secret, [NotNullWhen(false)] out string? reason)
    {
        secret = null;
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            reason = $"A webhook secret starts with '{Prefix}'.";
            return false;
        }

        var encoded = text.AsSpan(Prefix.Length);
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length))
        {
            reason = $"A webhook secret is '{Prefix}' followed by base64.";
            return false;
        }

        if (length is < MinKeyBytes or > MaxKeyBytes)
        {
            reason = $"A webhook secret's key is {MinKeyBytes} to {MaxKeyBytes} bytes; this one is {length}.";
            return false;
        }

        secret = new WebhookSecret(buffer[..length]);
        reason = null;
        return true;
    }

    /// <summary>The secret as the subscriber sees it (<c>whsec_…</c>). Call it only to answer the subscriber once or to store it.</summary>
    public string Reveal() => Prefix + Convert.ToBase64String(_key);

    /// <summary>Redacted: secrets end up in logs and exception messages through ToString more than any other way.</summary>
    public override string ToString() => Prefix + "[redacted]";
}
