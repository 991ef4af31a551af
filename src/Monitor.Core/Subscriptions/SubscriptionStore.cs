using System.Runtime.CompilerServices;
using NewsMonitor.Storage;

namespace NewsMonitor.Subscriptions;

/// <summary>Subscriptions, one blob each: <c>subscriptions/{id}.json</c>.</summary>
public sealed class SubscriptionStore(JsonBlobs blobs)
{
    private const string Prefix = "subscriptions/";

    private static string BlobName(string id) => $"{Prefix}{id}.json";

    public async Task<bool> TryCreateAsync(Subscription subscription, CancellationToken cancellationToken) =>
        await blobs.TryCreateAsync(BlobName(subscription.Id), subscription, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        SubscriptionIds.IsValid(id) ? (await blobs.GetAsync<Subscription>(BlobName(id), cancellationToken).ConfigureAwait(false))?.Value : null;

    public Task<Subscription?> UpdateAsync(string id, Func<Subscription?, Subscription?> change, CancellationToken cancellationToken) =>
        blobs.TryUpdateAsync(BlobName(id), change, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        SubscriptionIds.IsValid(id) ? blobs.Store.DeleteAsync(BlobName(id), cancellationToken) : Task.FromResult(false);

    public async IAsyncEnumerable<Subscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in blobs.Store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if ((await blobs.GetAsync<Subscription>(name, cancellationToken).ConfigureAwait(false))?.Value is { } subscription)
                yield return subscription;
        }
    }
}
