using System.Text;

namespace NewsMonitor.Queues;

/// <summary>
/// Azure Storage Queues' limits, enforced by both implementations so that what works on the folder queue
/// also works in Azure.
/// </summary>
public static class QueueLimits
{
    /// <summary>Most messages one receive may return.</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <summary>Largest body in UTF-8 bytes: 64 KiB on the wire, less the third that Base64 adds.</summary>
    public const int MaxBodyBytes = 48 * 1024;

    /// <summary>Longest visibility timeout or initial delay.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>Shortest visibility timeout a receive may ask for.</summary>
    public static readonly TimeSpan MinReceiveVisibilityTimeout = TimeSpan.FromSeconds(1);

    internal static void ValidateSend(string message, TimeSpan? initialVisibilityDelay)
    {
        ValidateBody(message, nameof(message));
        ValidateTimeout(initialVisibilityDelay ?? TimeSpan.Zero, TimeSpan.Zero, nameof(initialVisibilityDelay));
    }

    internal static void ValidateUpdate(ReceivedMessage message, TimeSpan visibilityTimeout, string? newBody)
    {
        ArgumentNullException.ThrowIfNull(message);
        ValidateTimeout(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        if (newBody is not null)
        {
            ValidateBody(newBody, nameof(newBody));
        }
    }

    private static void ValidateBody(string body, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(body, parameterName);
        if (Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            throw new ArgumentException($"A queue message must be at most {MaxBodyBytes} bytes of UTF-8.", parameterName);
        }
    }

    internal static void ValidateReceive(int maxMessages, TimeSpan visibilityTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        ValidateTimeout(visibilityTimeout, MinReceiveVisibilityTimeout, nameof(visibilityTimeout));
    }

    private static void ValidateTimeout(TimeSpan timeout, TimeSpan minimum, string parameterName)
    {
        if (timeout < minimum || timeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, timeout, $"Must be between {minimum} and {MaxVisibilityTimeout}.");
        }
    }
}
