using Microsoft.Extensions.Options;

namespace NewsMonitor.Feeds;

/// <summary>
/// When to poll a feed next. A healthy feed waits the poll interval, or longer when the publisher asks
/// for it (Cache-Control max-age, RSS &lt;ttl&gt;), up to a cap so news is never missed for a day. A failing
/// feed backs off exponentially with jitter (so feeds that failed together do not retry together), and a
/// Retry-After from a 429 or 503 is never undercut.
/// </summary>
public sealed class NextPollPolicy
{
    private readonly FeedReadingOptions _options;
    private readonly Random _random;

    public NextPollPolicy(IOptions<FeedReadingOptions> options) : this(options, Random.Shared)
    {
    }

    internal NextPollPolicy(IOptions<FeedReadingOptions> options, Random random)
    {
        _options = options.Value;
        _random = random;
    }

    public DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan? maxAge, TimeSpan? timeToLive)
    {
        var requested = Max(maxAge ?? TimeSpan.Zero, timeToLive ?? TimeSpan.Zero);
        var interval = Max(_options.PollInterval, Min(requested, _options.MaxPollInterval));
        return now + interval;
    }

    /// <param name="consecutiveFailures">Failures in a row including this one (1 for the first).</param>
    public DateTimeOffset AfterFailure(DateTimeOffset now, int consecutiveFailures, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var backoff = Min(_options.PollInterval * Math.Pow(2, exponent), _options.MaxErrorBackoff);
        // "Equal jitter": between half and all of the backoff, so the wait still grows with every failure.
        var jittered = backoff * (0.5 + _random.NextDouble() * 0.5);
        var honoured = Min(retryAfter ?? TimeSpan.Zero, _options.MaxErrorBackoff);
        return now + Max(jittered, honoured);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
