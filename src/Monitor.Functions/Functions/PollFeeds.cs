using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions.Functions;

/// <summary>The schedule: enqueues every due feed once (see <see cref="PollCycle"/>).</summary>
public sealed class PollFeeds(PollCycle cycle)
{
    [Function(nameof(PollFeeds))]
    public Task<PollCycleResult> Run([TimerTrigger("%PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        cycle.RunAsync(cancellationToken);
}
