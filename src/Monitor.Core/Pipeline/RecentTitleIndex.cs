using NewsMonitor.Feeds;

namespace NewsMonitor.Pipeline;

/// <summary>
/// The story registry's title window in memory, searchable in time independent of its size: each title is indexed
/// under the first few of its words in one fixed (ordinal) order — its prefix — and a lookup only compares titles that
/// share a prefix word. That finds every near-duplicate: two word sets with Jaccard similarity at least t always share
/// a word among the first |X| − ⌈t·|X|⌉ + 1 words of each in one global order (prefix filtering, Chaudhuri et al.
/// 2006). The order is rarest word first, counted over every title the index will see, so a word that most titles
/// share (a publisher's name, a year) rarely lands in a prefix and lookups stay short.
/// </summary>
internal sealed class RecentTitleIndex
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, List<int>> byPrefixWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> frequency = new(StringComparer.Ordinal);

    /// <param name="fingerprints">Every fingerprint that will be added or looked up (the order needs their word counts).</param>
    public RecentTitleIndex(IEnumerable<string> fingerprints)
    {
        foreach (var fingerprint in fingerprints)
        {
            foreach (var word in StoryKey.FingerprintTokens(fingerprint))
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
    }

    /// <summary>Every claim, oldest first.</summary>
    public IEnumerable<StoryRegistry.TitleClaim> Claims => entries.Select(e => e.Claim);

    public int Count => entries.Count;

    /// <summary>Adds a claim; <paramref name="fingerprint"/> is its title's <see cref="StoryKey.TitleFingerprint"/>.</summary>
    public void Add(StoryRegistry.TitleClaim claim, string fingerprint)
    {
        var tokens = StoryKey.FingerprintTokens(fingerprint);
        var position = entries.Count;
        entries.Add(new Entry(claim, tokens));
        foreach (var word in Prefix(tokens))
        {
            if (!byPrefixWord.TryGetValue(word, out var list)) byPrefixWord[word] = list = [];
            list.Add(position);
        }
    }

    /// <summary>The story key of the oldest near-duplicate of <paramref name="fingerprint"/>, or null.</summary>
    public string? Find(string fingerprint)
    {
        var tokens = StoryKey.FingerprintTokens(fingerprint);
        var best = int.MaxValue;
        foreach (var word in Prefix(tokens))
        {
            if (!byPrefixWord.TryGetValue(word, out var candidates)) continue;
            foreach (var position in candidates)
            {
                if (position < best && StoryKey.AreNearDuplicateTokenSets(tokens, entries[position].Tokens, StoryRegistry.NearDuplicateThreshold))
                    best = position;
            }
        }
        return best == int.MaxValue ? null : entries[best].Claim.StoryKey;
    }

    private IEnumerable<string> Prefix(IReadOnlySet<string> tokens)
    {
        // Rounded down on purpose: a longer prefix only adds candidates, never loses a near-duplicate.
        var length = tokens.Count - (int)Math.Ceiling(StoryRegistry.NearDuplicateThreshold * tokens.Count - 1e-9) + 1;
        // A word the constructor never saw counts as rarest; the ordinal tie-break makes the order total.
        return tokens.OrderBy(t => frequency.GetValueOrDefault(t)).ThenBy(t => t, StringComparer.Ordinal).Take(Math.Max(1, length));
    }

    private sealed record Entry(StoryRegistry.TitleClaim Claim, IReadOnlySet<string> Tokens);
}
