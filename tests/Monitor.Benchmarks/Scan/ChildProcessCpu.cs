using System.Runtime.InteropServices;

namespace NewsMonitor.Benchmarks.Scan;

/// <summary>
/// CPU time (user + system) used by the finished child processes of this process, from getrusage(RUSAGE_CHILDREN):
/// a process's own counters are gone once it exits, so the harness reads the difference around each run. Linux only.
/// </summary>
public static partial class ChildProcessCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan? Total()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, out var usage) != 0) return null;
        return ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime);
    }

    private static TimeSpan ToTimeSpan(TimeValue value) => TimeSpan.FromSeconds(value.Seconds) + TimeSpan.FromMicroseconds(value.Microseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this harness does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);
}
