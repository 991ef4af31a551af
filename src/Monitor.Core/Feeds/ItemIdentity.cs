namespace NewsMonitor.Feeds;

/// <summary>
/// The stable id of an item within its feed: the publisher's GUID or Atom id when present, else the
/// canonical link, else a hash of what the item says, so an item without either is still recognised
/// on the next poll.
/// </summary>
internal static class ItemIdentity
{
    /// <summary>Ids longer than this (some generators put whole URLs with state in the GUID) are stored as their hash.</summary>
    public const int MaxIdLength = 512;

    public static string Of(string? guid, string? link, string? title, string? summary, DateTimeOffset? published)
    {
        if (!string.IsNullOrWhiteSpace(guid)) return Bounded(guid.Trim());
        if (StoryKey.CanonicalLink(link) is { } canonical) return Bounded(canonical);
        return ContentFingerprint.Of($"{title}\n{summary}\n{published?.ToUniversalTime():O}");
    }

    private static string Bounded(string id) => id.Length <= MaxIdLength ? id : ContentFingerprint.Of(id);
}
