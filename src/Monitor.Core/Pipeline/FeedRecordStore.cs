using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Storage;

namespace NewsMonitor.Pipeline;

/// <summary>Per-feed records, one blob each: <c>feeds/{sha256(source)}.json</c> (URLs do not make good blob names).</summary>
public sealed class FeedRecordStore(JsonBlobs blobs)
{
    private const string Prefix = "feeds/";

    public static string BlobName(string source) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32] + ".json";

    public async Task<FeedRecord?> GetAsync(string source, CancellationToken cancellationToken) =>
        (await blobs.GetAsync<FeedRecord>(BlobName(source), cancellationToken).ConfigureAwait(false))?.Value;

    public Task<FeedRecord?> UpdateAsync(string source, Func<FeedRecord?, FeedRecord?> change, CancellationToken cancellationToken) =>
        blobs.TryUpdateAsync(BlobName(source), change, cancellationToken);

    public async IAsyncEnumerable<FeedRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in blobs.Store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if ((await blobs.GetAsync<FeedRecord>(name, cancellationToken).ConfigureAwait(false))?.Value is { } record)
                yield return record;
        }
    }
}
