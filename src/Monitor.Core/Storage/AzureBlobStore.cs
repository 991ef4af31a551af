using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NewsMonitor.Storage;

/// <summary>
/// An <see cref="IBlobStore"/> over one Azure Blob Storage container (Azure or Azurite). Conditional writes are the
/// service's own: If-None-Match: * for create, If-Match for replace. The container is created on first use.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient container;
    private readonly AsyncOnce createContainer;

    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
        createContainer = new AsyncOnce(ct => container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>The container this store writes to.</summary>
    public BlobContainerClient Container => container;

    public async Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return new StoredBlob(result.Content, result.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task<string?> TryCreateAsync(string name, BinaryData content, CancellationToken cancellationToken) =>
        TryUploadAsync(name, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

    public Task<string?> TryReplaceAsync(string name, BinaryData content, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return TryUploadAsync(name, content, new BlobRequestConditions { IfMatch = new ETag(etag) }, cancellationToken);
    }

    public async Task<string> PutAsync(string name, BinaryData content, CancellationToken cancellationToken) =>
        (await UploadAsync(name, content, conditions: null, cancellationToken).ConfigureAwait(false)).ToString();

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobName.ValidatePrefix(prefix);
        await createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // The service lists in name order already (ordinal for all but astral-plane characters).
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            yield return item.Name;
        }
    }

    private async Task<string?> TryUploadAsync(
        string name, BinaryData content, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        try
        {
            return (await UploadAsync(name, content, conditions, cancellationToken).ConfigureAwait(false)).ToString();
        }
        // 409 BlobAlreadyExists (create), 412 ConditionNotMet (replace), 404 when the blob to replace is gone.
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    private async Task<ETag> UploadAsync(
        string name, BinaryData content, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = content.MediaType is null ? null : new BlobHttpHeaders { ContentType = content.MediaType },
        };
        var response = await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        return response.Value.ETag;
    }

    private async Task<BlobClient> BlobAsync(string name, CancellationToken cancellationToken)
    {
        BlobName.Validate(name);
        await createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return container.GetBlobClient(name);
    }
}
