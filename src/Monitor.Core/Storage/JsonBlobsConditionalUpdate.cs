namespace NewsMonitor.Storage;

/// <summary>
/// A read-modify-write where the change may decline: <c>change</c> returns null to leave the blob as it is (or
/// absent). The typed stores use it for guarded transitions such as taking a lease only when none is held.
/// </summary>
public static class JsonBlobsConditionalUpdate
{
    /// <returns>The value written, or null when <paramref name="change"/> declined.</returns>
    public static async Task<T?> TryUpdateAsync<T>(this JsonBlobs blobs, string name, Func<T?, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; attempt < JsonBlobs.MaxUpdateAttempts; attempt++)
        {
            var current = await blobs.GetAsync<T>(name, cancellationToken).ConfigureAwait(false);
            var next = change(current?.Value);
            if (next is null) return null;
            var etag = current is null
                ? await blobs.TryCreateAsync(name, next, cancellationToken).ConfigureAwait(false)
                : await blobs.TryReplaceAsync(name, next, current.ETag, cancellationToken).ConfigureAwait(false);
            if (etag is not null) return next;
        }
        throw new InvalidOperationException($"Updating the blob '{name}' lost the race with other writers {JsonBlobs.MaxUpdateAttempts} times in a row.");
    }
}
