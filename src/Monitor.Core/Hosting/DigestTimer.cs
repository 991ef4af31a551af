using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Channels;
using NewsMonitor.Channels.Digests;

namespace NewsMonitor.Hosting;

/// <summary>The local host's stand-in for the <c>SendDigests</c> timer function: <see cref="DigestScheduler"/> on <c>Monitor:Channels:DigestSchedule</c>.</summary>
public sealed class DigestTimer(DigestScheduler digests, IOptions<ChannelOptions> options, TimeProvider time, ILogger<DigestTimer> logger)
    : ScheduledService(time, logger)
{
    protected override string JobName => "Digest run";

    protected override string ScheduleExpression => options.Value.DigestSchedule;

    protected override Task RunOnceAsync(DateTimeOffset? occurrence, CancellationToken cancellationToken) => digests.RunAsync(cancellationToken);
}
