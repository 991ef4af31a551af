using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Feed ids: <c>fd_</c> and 16 hex digits of the SHA-256 of the source. Derived rather than random, so a feed of the
/// file keeps its id across restarts and adding the same URL twice finds the first.
/// </summary>
public static class FeedIds
{
    public static string For(string source) =>
        "fd_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];

    public static bool IsValid(string? id) =>
        id is { Length: 19 } && id.StartsWith("fd_", StringComparison.Ordinal) && !id.AsSpan(3).ContainsAnyExcept("0123456789abcdef");
}
