using System.Runtime.CompilerServices;
using NewsMonitor.Storage;

namespace NewsMonitor.Matches;

/// <summary>Stored matches, one blob per (topic, story): <c>matches/{topicId}/{storyKey}.json</c>.</summary>
public sealed class MatchStore(JsonBlobs blobs)
{
    public const string Prefix = "matches/";

    public static string BlobName(string topicId, string storyKey) => $"{Prefix}{topicId}/{storyKey}.json";

    /// <summary>Creates the match; returns its ETag, or null when this (topic, story) was already stored.</summary>
    public Task<string?> TryCreateAsync(StoredMatch match, CancellationToken cancellationToken) =>
        blobs.TryCreateAsync(BlobName(match.TopicId, match.StoryKey), match, cancellationToken);

    /// <summary>Replaces the match if its ETag is still <paramref name="etag"/>; false when someone wrote it since.</summary>
    public async Task<bool> TryReplaceAsync(string blobName, StoredMatch match, string etag, CancellationToken cancellationToken) =>
        await blobs.TryReplaceAsync(blobName, match, etag, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<StoredMatch?> GetAsync(string blobName, CancellationToken cancellationToken) =>
        (await blobs.GetAsync<StoredMatch>(blobName, cancellationToken).ConfigureAwait(false))?.Value;

    public Task<StoredMatch?> UpdateAsync(string blobName, Func<StoredMatch?, StoredMatch?> change, CancellationToken cancellationToken) =>
        blobs.TryUpdateAsync(blobName, change, cancellationToken);

    /// <summary>Matches of one topic (or all topics), newest first, optionally only those matched since a time.</summary>
    public async IAsyncEnumerable<StoredMatch> ListAsync(string? topicId, DateTimeOffset? since, int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = new List<StoredMatch>();
        await foreach (var name in blobs.Store.ListAsync(topicId is null ? Prefix : $"{Prefix}{topicId}/", cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(name, cancellationToken).ConfigureAwait(false) is { } match && (since is null || match.MatchedAt >= since))
                found.Add(match);
        }
        foreach (var match in found.OrderByDescending(m => m.MatchedAt).Take(limit))
            yield return match;
    }
}
