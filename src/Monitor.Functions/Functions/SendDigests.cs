using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Channels.Digests;

namespace NewsMonitor.Functions.Functions;

/// <summary>Every minute: turns the digests that are due (digest mode, quiet hours, hourly limits) into deliveries (see <see cref="DigestScheduler"/>).</summary>
public sealed class SendDigests(DigestScheduler digests)
{
    [Function(nameof(SendDigests))]
    public Task<int> Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}
