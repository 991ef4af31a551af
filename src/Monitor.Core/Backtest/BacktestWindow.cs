using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMonitor.Backtest;

/// <summary>
/// Reads how far back a backtest looks: a duration such as <c>7d</c>, <c>36h</c> or <c>90m</c>, or an ISO 8601 time.
/// The same text works in the API (<c>"since"</c>) and the CLI (<c>--since</c>).
/// </summary>
public static partial class BacktestWindow
{
    public const string DefaultSince = "7d";

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset since, out string error)
    {
        text = string.IsNullOrWhiteSpace(text) ? DefaultSince : text.Trim();
        error = "";
        var duration = Duration().Match(text);
        if (duration.Success && int.TryParse(duration.Groups[1].Value, CultureInfo.InvariantCulture, out var amount))
        {
            since = now - duration.Groups[2].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since) && since <= now)
            return true;
        error = $"'since' must be a duration such as 7d, 36h or 90m, or a past ISO 8601 time such as 2026-11-30T00:00:00Z, not '{text}'.";
        return false;
    }

    [GeneratedRegex(@"^([0-9]{1,5})\s*([dhm])$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
