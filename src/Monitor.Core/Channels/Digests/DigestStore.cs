using System.Globalization;
using System.Runtime.CompilerServices;
using NewsMonitor.Deliveries;
using NewsMonitor.Storage;

namespace NewsMonitor.Channels.Digests;

/// <summary>
/// Digest records and their outbox (<c>digest-outbox/{subscription}-{due}</c>, a marker per digest not yet handed to
/// delivery), so the scheduler lists only open digests, not every digest ever sent.
/// </summary>
public sealed class DigestStore(JsonBlobs blobs)
{
    private const string Prefix = "digests/";
    private const string OutboxPrefix = "digest-outbox/";

    public static string Key(string subscriptionId, DateTimeOffset dueAt) =>
        $"{subscriptionId}-{dueAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The id of the delivery that sends this digest: a (subscription, story)-style id whose story is the window.</summary>
    public static string DeliveryId(string subscriptionId, DateTimeOffset dueAt) =>
        DeliveryIds.For(subscriptionId, "digest" + dueAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private static string BlobName(string subscriptionId, DateTimeOffset dueAt) =>
        $"{Prefix}{subscriptionId}/{dueAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>Adds an alert to the digest due at <paramref name="dueAt"/>; false when that digest is already closed.</summary>
    public async Task<bool> AddAsync(string subscriptionId, DateTimeOffset dueAt, DigestItem item, string reason, CancellationToken cancellationToken)
    {
        // Marker first: a marker without a record is dropped by the scheduler; a record without a marker would never be sent.
        await blobs.Store.PutAsync(OutboxPrefix + Key(subscriptionId, dueAt), BinaryData.FromString(Key(subscriptionId, dueAt)), cancellationToken).ConfigureAwait(false);
        var closed = false;
        await blobs.TryUpdateAsync<DigestRecord>(BlobName(subscriptionId, dueAt), record =>
        {
            closed = record is { Closed: true };
            if (record is null) return new DigestRecord { SubscriptionId = subscriptionId, DueAt = dueAt, Items = [item], Reasons = [reason] };
            if (closed || record.Items.Any(i => i.DeliveryId == item.DeliveryId)) return null;
            return record with
            {
                Items = [.. record.Items, item],
                Reasons = record.Reasons.Contains(reason, StringComparer.Ordinal) ? record.Reasons : [.. record.Reasons, reason],
            };
        }, cancellationToken).ConfigureAwait(false);
        return !closed;
    }

    /// <summary>Closes the digest (no more alerts join it) and returns it; null when it does not exist.</summary>
    public async Task<DigestRecord?> CloseAsync(string subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        await blobs.TryUpdateAsync<DigestRecord>(BlobName(subscriptionId, dueAt), r => r is null or { Closed: true } ? null : r with { Closed = true }, cancellationToken)
            .ConfigureAwait(false)
        ?? (await blobs.GetAsync<DigestRecord>(BlobName(subscriptionId, dueAt), cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>The open digests: (subscription, due time) of every marker.</summary>
    public async IAsyncEnumerable<(string SubscriptionId, DateTimeOffset DueAt)> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in blobs.Store.ListAsync(OutboxPrefix, cancellationToken).ConfigureAwait(false))
        {
            var key = name[OutboxPrefix.Length..];
            var dash = key.LastIndexOf('-');
            if (dash > 0 && long.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                yield return (key[..dash], DateTimeOffset.FromUnixTimeSeconds(seconds));
        }
    }

    public Task RemoveFromOutboxAsync(string subscriptionId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        blobs.Store.DeleteAsync(OutboxPrefix + Key(subscriptionId, dueAt), cancellationToken);
}
