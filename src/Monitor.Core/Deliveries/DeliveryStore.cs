using System.Runtime.CompilerServices;
using NewsMonitor.Storage;

namespace NewsMonitor.Deliveries;

/// <summary>
/// Delivery records (<c>deliveries/{subscriptionId}/{deliveryId}.json</c>) and the outbox
/// (<c>outbox/{deliveryId}</c>): a marker per delivery that is not final yet, so a cycle can find and re-enqueue
/// work whose queue message was lost in a crash without listing every delivery ever made.
/// </summary>
public sealed class DeliveryStore(JsonBlobs blobs)
{
    private const string Prefix = "deliveries/";
    private const string OutboxPrefix = "outbox/";

    private static string BlobName(string deliveryId) =>
        DeliveryIds.TryParse(deliveryId, out var subscriptionId, out _)
            ? $"{Prefix}{subscriptionId}/{deliveryId}.json"
            : throw new ArgumentException($"'{deliveryId}' is not a delivery id.", nameof(deliveryId));

    /// <summary>Creates the delivery and its outbox marker; false when this (subscription, story) was already planned.</summary>
    public async Task<bool> TryCreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        // Marker first: a crash between the two writes leaves a marker whose delivery is missing, which the sweep drops;
        // the other order could leave a pending delivery nobody would ever find again.
        await blobs.Store.PutAsync(OutboxPrefix + delivery.Id, BinaryData.FromString(delivery.Id), cancellationToken).ConfigureAwait(false);
        return await blobs.TryCreateAsync(BlobName(delivery.Id), delivery, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<Delivery?> GetAsync(string deliveryId, CancellationToken cancellationToken) =>
        DeliveryIds.TryParse(deliveryId, out _, out _)
            ? (await blobs.GetAsync<Delivery>(BlobName(deliveryId), cancellationToken).ConfigureAwait(false))?.Value
            : null;

    /// <summary>Applies <paramref name="change"/> with optimistic concurrency; keeps the outbox marker in step with the status.</summary>
    public async Task<Delivery?> UpdateAsync(string deliveryId, Func<Delivery?, Delivery?> change, CancellationToken cancellationToken)
    {
        var updated = await blobs.TryUpdateAsync(BlobName(deliveryId), change, cancellationToken).ConfigureAwait(false);
        if (updated is { IsFinal: true })
            await blobs.Store.DeleteAsync(OutboxPrefix + deliveryId, cancellationToken).ConfigureAwait(false);
        else if (updated is not null)
            await blobs.Store.PutAsync(OutboxPrefix + deliveryId, BinaryData.FromString(deliveryId), cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async IAsyncEnumerable<Delivery> ListForSubscriptionAsync(string subscriptionId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in blobs.Store.ListAsync($"{Prefix}{subscriptionId}/", cancellationToken).ConfigureAwait(false))
        {
            if ((await blobs.GetAsync<Delivery>(name, cancellationToken).ConfigureAwait(false))?.Value is { } delivery)
                yield return delivery;
        }
    }

    /// <summary>Ids of every delivery that is not final (the outbox).</summary>
    public IAsyncEnumerable<string> ListOutboxAsync(CancellationToken cancellationToken) => ListOutboxAsync(null, cancellationToken);

    /// <summary>Ids of the deliveries that are not final (the outbox), optionally only one subscription's.</summary>
    public async IAsyncEnumerable<string> ListOutboxAsync(string? subscriptionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = subscriptionId is null ? OutboxPrefix : OutboxPrefix + DeliveryIds.For(subscriptionId, "");
        await foreach (var name in blobs.Store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            yield return name[OutboxPrefix.Length..];
    }

    public Task RemoveFromOutboxAsync(string deliveryId, CancellationToken cancellationToken) =>
        blobs.Store.DeleteAsync(OutboxPrefix + deliveryId, cancellationToken);
}
