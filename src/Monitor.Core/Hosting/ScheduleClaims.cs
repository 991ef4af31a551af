using NewsMonitor.Storage;

namespace NewsMonitor.Hosting;

/// <summary>
/// Lets several local hosts on one storage run each occurrence of the schedule once, as the Functions timer trigger
/// does with its singleton lock: the host that moves <c>schedule/last-cycle.json</c> to an occurrence (a conditional
/// write) runs that cycle; the others see it taken and wait for the next one. One read and one write per occurrence.
/// </summary>
public sealed class ScheduleClaims(JsonBlobs blobs)
{
    internal const string BlobName = "schedule/last-cycle.json";

    /// <summary>True when this host claimed <paramref name="occurrence"/>; false when another host already ran it (or a later one).</summary>
    public async Task<bool> TryClaimAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        await blobs.TryUpdateAsync<LastCycle>(BlobName, last => last?.Occurrence >= occurrence ? null : new LastCycle(occurrence), cancellationToken)
            .ConfigureAwait(false) is not null;

    private sealed record LastCycle(DateTimeOffset Occurrence);
}
