using NCrontab;

namespace NewsMonitor.Hosting;

/// <summary>NCRONTAB as Azure Functions reads it: six fields, seconds first ("0 */5 * * * *" is every five minutes).</summary>
public static class Schedules
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <summary>Parses a schedule; throws <see cref="FormatException"/> with an example when it is not six-field NCRONTAB.</summary>
    public static CrontabSchedule Parse(string expression) =>
        CrontabSchedule.TryParse(expression, WithSeconds) ?? throw new FormatException(Explain(expression));

    public static string Explain(string expression) =>
        $"'{expression}' is not an NCRONTAB schedule with six fields (second minute hour day month weekday), e.g. \"0 */5 * * * *\" for every five minutes.";

    /// <summary>Half the time between two runs of the schedule (at least a second): how long a polled feed rests.</summary>
    public static TimeSpan HalfInterval(string expression)
    {
        var schedule = Parse(expression);
        // A fixed reference, not the clock: the interval is a property of the schedule, the same at every start.
        var first = schedule.GetNextOccurrence(ReferenceTime);
        var interval = schedule.GetNextOccurrence(first) - first;
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, interval.Ticks / 2));
    }

    /// <summary>
    /// How long a feed's poll lease lasts (renewed every third of it while the poll runs): half the interval, so a
    /// crashed poll's lease runs out before the next cycle; at least 10 s (renewals are storage writes), at most 5 minutes.
    /// </summary>
    public static TimeSpan LeaseDuration(string expression)
    {
        var half = HalfInterval(expression);
        return half < MinLease ? MinLease : half > MaxLease ? MaxLease : half;
    }

    private static readonly TimeSpan MinLease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The first run of the schedule at or after <paramref name="earliest"/>: when the timer will really enqueue a feed
    /// that may be polled from <paramref name="earliest"/> on (polls happen only on the schedule's ticks).
    /// </summary>
    public static DateTimeOffset NextRunAtOrAfter(string expression, DateTimeOffset earliest)
    {
        var schedule = Parse(expression);
        var utc = earliest.UtcDateTime;
        // GetNextOccurrence is strictly after its argument and works in whole seconds.
        var next = schedule.GetNextOccurrence(utc.AddSeconds(-1));
        while (next < utc) next = schedule.GetNextOccurrence(next);
        return new DateTimeOffset(next, TimeSpan.Zero);
    }

    private static readonly DateTime ReferenceTime = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static bool IsValid(string? expression) => expression is not null && CrontabSchedule.TryParse(expression, WithSeconds) is not null;
}
