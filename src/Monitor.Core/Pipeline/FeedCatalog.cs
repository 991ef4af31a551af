using Microsoft.Extensions.Options;
using NewsMonitor.Feeds;
using NewsMonitor.Net;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>
/// The feeds in force: the configured ones (feeds file and settings, read at start) changed by what the API did at run
/// time — feeds added (<c>feedlist/{id}.json</c>) and configured feeds removed (the same blob with
/// <see cref="StoredFeedEntry.Removed"/>, so they stay off after a restart). Read afresh on every call, so the next
/// poll cycle of every instance uses a change without a restart.
/// </summary>
public sealed class FeedCatalog(FeedList configured, JsonBlobs blobs, IOptions<FeedReadingOptions> reading, TimeProvider time)
{
    private const string Prefix = "feedlist/";
    public const int MaxUrlLength = 2048;
    public const int MaxNameLength = 200;

    private static string BlobName(string id) => $"{Prefix}{id}.json";

    public async Task<IReadOnlyList<CatalogFeed>> ListAsync(CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, StoredFeedEntry>(StringComparer.Ordinal);
        await foreach (var blob in blobs.ListAsync<StoredFeedEntry>(Prefix, cancellationToken).ConfigureAwait(false))
            changes[FeedIds.For(blob.Value.Url)] = blob.Value;

        var feeds = configured.Configured().Where(f => !(changes.GetValueOrDefault(f.Id)?.Removed ?? false)).ToList();
        foreach (var (id, entry) in changes.OrderBy(c => c.Value.ChangedAt))
        {
            if (!entry.Removed && configured.Configured().All(f => f.Id != id))
                feeds.Add(new CatalogFeed(id, entry.Url, entry.Name, null, FeedOrigin.Api, entry.ChangedAt));
        }
        return feeds;
    }

    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Select(f => f.Source).ToArray();

    public async Task<CatalogFeed?> GetAsync(string id, CancellationToken cancellationToken) =>
        FeedIds.IsValid(id) ? (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(f => f.Id == id) : null;

    /// <summary>The feed of a source (an item's <c>feed</c>), to name it; null when it is not (or no longer) on the list.</summary>
    public async Task<CatalogFeed?> FindBySourceAsync(string source, CancellationToken cancellationToken) =>
        await GetAsync(FeedIds.For(source), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Adds a feed URL; a URL already on the list is not added twice (<see cref="FeedAddResult.Created"/> is false and
    /// <see cref="FeedAddResult.Feed"/> is the one listed). A bad or refused URL gives the reason and changes nothing.
    /// </summary>
    public async Task<FeedAddResult> AddAsync(string? url, string? name, CancellationToken cancellationToken)
    {
        if (await CheckAsync(url, name, cancellationToken).ConfigureAwait(false) is { } refusal) return new FeedAddResult(null, false, refusal);
        var source = new Uri(url!.Trim()).AbsoluteUri;
        var id = FeedIds.For(source);
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing) return new FeedAddResult(existing, false, null);

        var now = time.GetUtcNow();
        if (configured.Configured().Any(f => f.Id == id))
            await blobs.Store.DeleteAsync(BlobName(id), cancellationToken).ConfigureAwait(false); // back from its removal
        else
            await blobs.PutAsync(BlobName(id), new StoredFeedEntry { Url = source, Name = Clean(name), ChangedAt = now }, cancellationToken).ConfigureAwait(false);
        return new FeedAddResult(await GetAsync(id, cancellationToken).ConfigureAwait(false), true, null);
    }

    /// <summary>Takes a feed off the list (its health record stays, for history); false when no feed has this id.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } feed) return false;
        if (feed.Origin == FeedOrigin.Api)
            return await blobs.Store.DeleteAsync(BlobName(id), cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(BlobName(id), new StoredFeedEntry { Url = feed.Source, ChangedAt = time.GetUtcNow(), Removed = true }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<string?> CheckAsync(string? url, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Give the feed's \"url\", such as https://example.com/rss.xml.";
        if (url.Length > MaxUrlLength) return $"The URL is longer than {MaxUrlLength} characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return $"'{url}' is not an http(s) URL; give one such as https://example.com/rss.xml.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "The URL must not carry a user name or password.";
        if (name is { Length: > MaxNameLength }) return $"The \"name\" is longer than {MaxNameLength} characters.";
        if (reading.Value.AllowPrivateNetworks) return null;
        return await HostAddressCheck.RefusalAsync(uri, "feeds", cancellationToken).ConfigureAwait(false);
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}

/// <summary>What <see cref="FeedCatalog.AddAsync"/> did: the feed (new or already listed), or why the URL was refused.</summary>
public sealed record FeedAddResult(CatalogFeed? Feed, bool Created, string? Refusal);
