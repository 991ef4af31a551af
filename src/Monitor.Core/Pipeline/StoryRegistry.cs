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
/// the same story at once agree on its key. A poll resolves all its matched items in one read and at most one write
/// (<see cref="KeysForAsync"/>), searching the window through an index (<see cref="RecentTitleIndex"/>), so a poll
/// costs time linear in its items and the window's size, not their product. Only matched items are registered, and
/// the window keeps at most <see cref="MaxTitles"/> titles (the newest), so the blob stays a few MB at most.
/// </remarks>
public sealed class StoryRegistry(JsonBlobs blobs, TimeProvider time)
{
    public static readonly TimeSpan TitleWindow = TimeSpan.FromHours(48);

    /// <summary>Titles kept at most (about 100 bytes each in the blob); beyond it the oldest are forgotten first.</summary>
    public const int MaxTitles = 20_000;

    internal const double NearDuplicateThreshold = 0.8;

    /// <summary>The cap on the window (<see cref="MaxTitles"/>; smaller in tests).</summary>
    internal int Capacity { get; init; } = MaxTitles;

    internal const string RecentTitlesName = "stories/recent-titles.json";

    public async Task<string> KeyForAsync(NewsItem item, CancellationToken cancellationToken) =>
        (await KeysForAsync([item], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>The story key of each item, in order; items of one call that are near-duplicates of each other share one.</summary>
    public async Task<IReadOnlyList<string>> KeysForAsync(IReadOnlyList<NewsItem> items, CancellationToken cancellationToken)
    {
        var ownKeys = items.Select(OwnKey).ToArray();
        var fingerprints = items.Select(i => StoryKey.TitleFingerprint(i.Title)).ToArray();
        var keys = (string[])ownKeys.Clone();
        if (fingerprints.All(f => f is null)) return keys;

        var now = time.GetUtcNow();
        // The change may run more than once (a lost race re-reads the window), so it sets every key on every run.
        await blobs.TryUpdateAsync<RecentTitles>(RecentTitlesName, current =>
        {
            var window = (current?.Titles ?? [])
                .Where(claim => now - claim.FirstSeen <= TitleWindow)
                .Select(claim => (Claim: claim, Fingerprint: claim.Fingerprint ?? StoryKey.TitleFingerprint(claim.Title)))
                .Where(c => c.Fingerprint is not null)
                .ToArray();
            var index = new RecentTitleIndex([.. window.Select(c => c.Fingerprint!), .. fingerprints.OfType<string>()]);
            foreach (var (claim, known) in window)
                index.Add(claim, known!);
            var added = false;
            for (var i = 0; i < items.Count; i++)
            {
                keys[i] = ownKeys[i];
                if (fingerprints[i] is not { } fingerprint) continue;
                if (index.Find(fingerprint) is { } seen)
                {
                    keys[i] = seen;
                    continue;
                }
                index.Add(new TitleClaim(null, ownKeys[i], now, fingerprint), fingerprint);
                added = true;
            }
            return added ? new RecentTitles(index.Claims.Skip(Math.Max(0, index.Count - Capacity)).ToArray()) : null;
        }, cancellationToken).ConfigureAwait(false);
        return keys;
    }

    /// <summary>The key from the item alone: its canonical link, else its feed and id.</summary>
    public static string OwnKey(NewsItem item) =>
        Hash(StoryKey.CanonicalLink(item.Link) is { } link ? "link:" + link : $"item:{item.Feed}\n{item.Id}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    internal sealed record RecentTitles(IReadOnlyList<TitleClaim> Titles);

    /// <summary>A title seen first at <paramref name="FirstSeen"/> under <paramref name="StoryKey"/>. Claims stored before
    /// the window was indexed hold the raw <paramref name="Title"/>; newer ones its fingerprint only.</summary>
    internal sealed record TitleClaim(string? Title, string StoryKey, DateTimeOffset FirstSeen, string? Fingerprint = null);
}
