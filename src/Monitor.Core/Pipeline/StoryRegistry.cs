using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Gives every item a story key, the same for one story however many feeds carry it: the canonical link when there
/// is one; and a story whose title was already seen (near-identical, within <see cref="TitleWindow"/>) under another
/// link takes the key of the first — wire stories republished by several outlets alert once.
/// </summary>
public sealed class StoryRegistry(JsonBlobs blobs, TimeProvider time)
{
    public static readonly TimeSpan TitleWindow = TimeSpan.FromHours(48);
    private const string TitlePrefix = "stories/titles/";

    public async Task<string> KeyForAsync(NewsItem item, CancellationToken cancellationToken)
    {
        var ownKey = OwnKey(item);
        var fingerprint = StoryKey.TitleFingerprint(item.Title);
        if (fingerprint is null) return ownKey;

        var name = TitlePrefix + Hash(fingerprint) + ".json";
        var now = time.GetUtcNow();
        var claim = new TitleClaim(ownKey, now);
        if (await blobs.TryCreateAsync(name, claim, cancellationToken).ConfigureAwait(false) is not null) return ownKey;

        var current = await blobs.TryUpdateAsync<TitleClaim>(name,
            c => c is null || now - c.FirstSeen > TitleWindow ? claim : null, cancellationToken).ConfigureAwait(false);
        if (current is not null) return current.StoryKey; // the claim was stale and is now ours
        return (await blobs.GetAsync<TitleClaim>(name, cancellationToken).ConfigureAwait(false))?.Value.StoryKey ?? ownKey;
    }

    /// <summary>The key from the item alone: its canonical link, else its feed and id.</summary>
    public static string OwnKey(NewsItem item) =>
        Hash(StoryKey.CanonicalLink(item.Link) is { } link ? "link:" + link : $"item:{item.Feed}\n{item.Id}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    private sealed record TitleClaim(string StoryKey, DateTimeOffset FirstSeen);
}
