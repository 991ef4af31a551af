using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Hosting;

/// <summary>
/// The local host's stand-in for the timer trigger: runs <see cref="PollCycle"/> on the same NCRONTAB schedule
/// (six fields, with seconds) that <c>%PollSchedule%</c> gives the <c>PollFeeds</c> function, and once at start.
/// </summary>
public sealed class PollScheduler(IServiceScopeFactory scopes, IOptions<MonitorOptions> options, TimeProvider time, ILogger<PollScheduler> logger)
    : ScheduledService(time, logger)
{
    protected override string JobName => "Poll cycle";

    protected override string ScheduleExpression => options.Value.PollSchedule;

    protected override async Task RunOnceAsync(DateTimeOffset? occurrence, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Several hosts on one storage: only one of them runs each occurrence (ScheduleClaims).
        if (occurrence is not { } due || await scope.ServiceProvider.GetRequiredService<ScheduleClaims>().TryClaimAsync(due, cancellationToken).ConfigureAwait(false))
            await scope.ServiceProvider.GetRequiredService<PollCycle>().RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
