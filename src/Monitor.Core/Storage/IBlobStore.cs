namespace NewsMonitor.Storage;

/// <summary>
/// The one storage primitive: named blobs with ETag-conditional writes. Two implementations share one contract
/// test suite: <c>AzureBlobStore</c> (Azure Blob Storage, Azurite) and <c>FolderBlobStore</c> (a local folder).
/// Names are '/'-separated paths such as <c>matches/habomai/2026/...json</c>.
/// Every operation rejects a name that breaks <see cref="BlobName"/>'s rules (empty, '.' or '..' segments, backslashes)
/// with <see cref="ArgumentException"/>. JSON documents: see <see cref="JsonBlobs"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a blob, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates the blob only if no blob of that name exists (If-None-Match: *). Returns the new ETag, or null when it already existed.</summary>
    Task<string?> TryCreateAsync(string name, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Replaces the blob only if its ETag is still <paramref name="etag"/> (If-Match). Returns the new ETag, or null when it changed or vanished.</summary>
    Task<string?> TryReplaceAsync(string name, BinaryData content, string etag, CancellationToken cancellationToken);

    /// <summary>Writes the blob whatever is there. Returns the new ETag.</summary>
    Task<string> PutAsync(string name, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Deletes the blob; true when it existed.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Names of the blobs that start with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
