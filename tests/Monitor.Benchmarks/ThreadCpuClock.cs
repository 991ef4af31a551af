using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)); elsewhere wall-clock.
/// Unlike wall-clock time it does not grow while other processes hold the core, and unlike process CPU
/// time it leaves out the GC's and JIT's background threads.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!IsThreadCpuTime) return Stopwatch.GetElapsedTime(0);
        if (ClockGetTime(ClockThreadCpuTimeId, out var ts) != 0) throw new InvalidOperationException("clock_gettime failed");
        return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
