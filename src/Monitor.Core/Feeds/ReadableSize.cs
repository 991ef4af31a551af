using System.Globalization;

namespace NewsMonitor.Feeds;

/// <summary>Sizes and durations as people read them in a one-line feed error ("10 MiB", "30 s").</summary>
internal static class ReadableSize
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    public static string Duration(TimeSpan duration) => duration >= TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");
}
