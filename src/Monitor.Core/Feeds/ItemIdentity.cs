using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Feeds;

/// <summary>
/// The stable id of an item within its feed: the publisher's GUID or Atom id when present, else the
/// canonical link, else a hash of what the item says, so an item without either is still recognised
/// on the next poll.
/// </summary>
internal static class ItemIdentity
{
    public static string Of(string? guid, string? link, string? title, string? summary, DateTimeOffset? published)
    {
        if (!string.IsNullOrWhiteSpace(guid)) return guid.Trim();
        if (StoryKey.CanonicalLink(link) is { } canonical) return canonical;

        var content = $"{title}\n{summary}\n{published?.ToUniversalTime():O}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
