using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NewsMonitor.Webhooks;

/// <summary>
/// When to try a webhook again: a fixed list of delays (by default 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, the
/// Standard Webhooks example schedule, cut at eight attempts), each stretched or shrunk by a random ±20 % so that
/// alerts failing together do not come back together, and never sooner than the receiver's <c>Retry-After</c>.
/// </summary>
public sealed class RetrySchedule
{
    /// <summary>Each delay is multiplied by a factor drawn uniformly from [1 − Jitter, 1 + Jitter].</summary>
    public const double Jitter = 0.2;

    public const int MaxAttemptsAllowed = 50;

    private readonly TimeSpan[] _delays;
    private readonly Random _random;
    private readonly TimeSpan _maxRetryAfter;

    /// <param name="delays">The delay before each attempt; the first is usually zero.</param>
    /// <param name="random">The source of jitter; pass a seeded one for repeatable tests.</param>
    /// <param name="maxRetryAfter">The cap on a receiver's Retry-After.</param>
    public RetrySchedule(IEnumerable<TimeSpan> delays, Random random, TimeSpan maxRetryAfter)
    {
        _delays = delays.ToArray();
        if (_delays.Length == 0 || _delays.Length > MaxAttemptsAllowed || _delays.Any(d => d < TimeSpan.Zero))
            throw new ArgumentException($"A retry schedule has 1 to {MaxAttemptsAllowed} delays, none negative.", nameof(delays));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRetryAfter, TimeSpan.Zero);
        _random = random;
        _maxRetryAfter = maxRetryAfter;
    }

    public static RetrySchedule FromOptions(WebhookOptions options, Random? random = null) =>
        new(ParseDelays(options.RetryDelays), random ?? Random.Shared, options.MaxRetryAfter);

    public int MaxAttempts => _delays.Length;

    /// <summary>The configured delays, before jitter.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>
    /// The wait before attempt <paramref name="attemptNumber"/> (1 is the first attempt), given the
    /// <paramref name="retryAfter"/> the previous answer asked for; null when the attempts are used up and the
    /// alert should be dead-lettered.
    /// </summary>
    public TimeSpan? DelayBeforeAttempt(int attemptNumber, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 1);
        if (attemptNumber > _delays.Length) return null;

        var delay = _delays[attemptNumber - 1] * JitterFactor();
        if (retryAfter is not { } asked) return delay;
        var honoured = asked < _maxRetryAfter ? asked : _maxRetryAfter;
        return honoured > delay ? honoured : delay;
    }

    private double JitterFactor()
    {
        // A seeded Random is not thread-safe, and deliveries run concurrently.
        double sample;
        lock (_random) sample = _random.NextDouble();
        return 1 + ((sample * 2) - 1) * Jitter;
    }

    public static IReadOnlyList<TimeSpan> ParseDelays(string text) =>
        TryParseDelays(text, out var delays, out var reason) ? delays : throw new FormatException(reason);

    /// <summary>Parses <c>"0,5s,5m,30m,2h"</c>: each entry is 0, a number with ms/s/m/h/d, or a TimeSpan such as 00:05:00.</summary>
    public static bool TryParseDelays(string? text, [NotNullWhen(true)] out IReadOnlyList<TimeSpan>? delays, [NotNullWhen(false)] out string? reason)
    {
        delays = null;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxAttemptsAllowed)
        {
            reason = $"at most {MaxAttemptsAllowed} delays.";
            return false;
        }

        var parsed = new TimeSpan[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParseDelay(parts[i], out parsed[i]))
            {
                reason = $"'{parts[i]}' is not a delay; write 0, 500ms, 5s, 5m, 2h, 1d or 00:05:00.";
                return false;
            }
        }

        delays = parsed;
        reason = null;
        return true;
    }

    private static bool TryParseDelay(string text, out TimeSpan delay)
    {
        delay = default;
        if (text.Length == 0) return false;
        if (text.Contains(':'))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out delay) && delay >= TimeSpan.Zero;

        var unitStart = text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (unitStart < 0) unitStart = text.Length;
        if (unitStart == 0 || !long.TryParse(text.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return false;

        TimeSpan? unit = text[unitStart..] switch
        {
            "" when amount == 0 => TimeSpan.Zero,
            "ms" => TimeSpan.FromMilliseconds(1),
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            "d" => TimeSpan.FromDays(1),
            _ => null,
        };
        if (unit is null || amount > 100_000) return false;
        delay = unit.Value * amount;
        return true;
    }
}
