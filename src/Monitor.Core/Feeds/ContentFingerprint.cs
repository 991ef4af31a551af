using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Feeds;

/// <summary>A short, stable digest of content: item ids without GUID or link, and whole feed bodies.</summary>
internal static class ContentFingerprint
{
    /// <summary>"sha256:" and the first 128 bits of the SHA-256, in hex: unique enough for ids, short enough for keys.</summary>
    public static string Of(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));

    public static string Of(string content) => Of(Encoding.UTF8.GetBytes(content));
}
