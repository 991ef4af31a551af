using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>
/// Gives every item a story key, the same for one story however many feeds carry it: the canonical link when there
/// is one; and a story whose title was already seen (near-identical — <see cref="StoryKey.AreNearDuplicateTitles"/>,
/// so a publisher that appends its name or edits a word still counts — within <see cref="TitleWindow"/>) under another
/// link takes the key of the first — wire stories republished by several outlets alert once.
/// </summary>
/// <remarks>
/// The titles seen within the window live in one blob, updated with optimistic concurrency, so two feeds that bring
/// the same story at once agree on its key. Only matched items are registered, which keeps that list short.
/// </remarks>
public sealed class StoryRegistry(JsonBlobs blobs, TimeProvider time)
{
    public static readonly TimeSpan TitleWindow = TimeSpan.FromHours(48);
    private const string RecentTitlesName = "stories/recent-titles.json";

    public async Task<string> KeyForAsync(NewsItem item, CancellationToken cancellationToken)
    {
        var ownKey = OwnKey(item);
        if (StoryKey.TitleFingerprint(item.Title) is null) return ownKey;

        var now = time.GetUtcNow();
        var key = ownKey;
        // The change may run more than once (a lost race re-reads the list), so it sets the key on every run.
        await blobs.TryUpdateAsync<RecentTitles>(RecentTitlesName, current =>
        {
            var recent = (current?.Titles ?? []).Where(t => now - t.FirstSeen <= TitleWindow).ToList();
            if (recent.FirstOrDefault(t => StoryKey.AreNearDuplicateTitles(t.Title, item.Title)) is { } seen)
            {
                key = seen.StoryKey;
                return null;
            }
            key = ownKey;
            recent.Add(new TitleClaim(item.Title, ownKey, now));
            return new RecentTitles(recent);
        }, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The key from the item alone: its canonical link, else its feed and id.</summary>
    public static string OwnKey(NewsItem item) =>
        Hash(StoryKey.CanonicalLink(item.Link) is { } link ? "link:" + link : $"item:{item.Feed}\n{item.Id}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    private sealed record RecentTitles(IReadOnlyList<TitleClaim> Titles);

    private sealed record TitleClaim(string Title, string StoryKey, DateTimeOffset FirstSeen);
}
