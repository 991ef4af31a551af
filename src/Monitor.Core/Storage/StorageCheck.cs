using Microsoft.Extensions.DependencyInjection;

namespace NewsMonitor.Storage;

/// <summary>
/// At start: one read of the blob store, so that a wrong key, a missing role or a stopped
/// emulator stops the host with one clear line instead of failing every cycle in the log.
/// </summary>
public static class StorageCheck
{
    private const string ProbeBlob = "health/start-probe.json";

    /// <exception cref="StorageUnavailableException">Storage cannot be used; the message says why.</exception>
    public static async Task CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            // Creates the container if needed (a write) and reads: what every cycle does first. The queues share the
            // account and its credentials; receiving from them here would count as a delivery try of a real message.
            await services.GetRequiredService<IBlobStore>().GetAsync(ProbeBlob, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StorageFailures.Describe(e) is { } what)
        {
            throw new StorageUnavailableException($"storage is not usable: {what}", e);
        }
    }
}
