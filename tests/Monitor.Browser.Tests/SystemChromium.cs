namespace NewsMonitor.Browser.Tests;

/// <summary>
/// Finds the Chromium the tests drive: <c>MONITOR_CHROMIUM</c> if set, else Debian's <c>chromium</c> (tests/run.sh
/// installs it with apt-get where it runs as root). Playwright never downloads a browser here.
/// </summary>
internal static class SystemChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Path =>
        Environment.GetEnvironmentVariable("MONITOR_CHROMIUM") is { Length: > 0 } configured
            ? (File.Exists(configured) ? configured : null)
            : Candidates.FirstOrDefault(File.Exists);

    public static string MissingReason =>
        $"No Chromium found (MONITOR_CHROMIUM, {string.Join(", ", Candidates)}): install Debian's 'chromium' package (tests/run.sh does as root).";
}
