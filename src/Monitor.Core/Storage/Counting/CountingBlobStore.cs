using System.Runtime.CompilerServices;

namespace NewsMonitor.Storage.Counting;

/// <summary>An <see cref="IBlobStore"/> that counts each request it passes on (see <see cref="StorageTransactionCounter"/>).</summary>
public sealed class CountingBlobStore(IBlobStore inner, StorageTransactionCounter counter) : IBlobStore
{
    public Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.BlobGet);
        return inner.GetAsync(name, cancellationToken);
    }

    public Task<string?> TryCreateAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.BlobCreate);
        return inner.TryCreateAsync(name, content, cancellationToken);
    }

    public Task<string?> TryReplaceAsync(string name, BinaryData content, string etag, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.BlobReplace);
        return inner.TryReplaceAsync(name, content, etag, cancellationToken);
    }

    public Task<string> PutAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.BlobPut);
        return inner.PutAsync(name, content, cancellationToken);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.BlobDelete);
        return inner.DeleteAsync(name, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One List Blobs request per page, the first even when nothing is listed.
        counter.Add(StorageTransactionCounter.BlobList);
        var listed = 0;
        await foreach (var name in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (listed > 0 && listed % StorageTransactionCounter.ListPageSize == 0) counter.Add(StorageTransactionCounter.BlobList);
            listed++;
            yield return name;
        }
    }
}
