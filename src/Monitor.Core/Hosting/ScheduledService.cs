using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Hosting;

/// <summary>
/// The local host's stand-in for a timer trigger: runs a job once at start and then on an NCRONTAB schedule (six
/// fields, with seconds, as the Functions timers read them). A failed run is logged and the schedule goes on.
/// </summary>
public abstract class ScheduledService(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What the log calls the job, e.g. "Poll cycle".</summary>
    protected abstract string JobName { get; }

    protected abstract string ScheduleExpression { get; }

    /// <param name="occurrence">The schedule's occurrence this run is for; null for the run at start, which is every host's own.</param>
    protected abstract Task RunOnceAsync(DateTimeOffset? occurrence, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Schedules.Parse(ScheduleExpression);
        DateTimeOffset? occurrence = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(occurrence, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (Storage.StorageFailures.Describe(e) is { } what)
            {
                logger.LogError("{Job} failed: storage is unavailable: {What}; the next one runs on schedule", JobName, what);
            }
            catch (Exception e)
            {
                // One failed run (storage briefly unreachable, say) must not stop the schedule.
                logger.LogError(e, "{Job} failed; the next one runs on schedule", JobName);
            }

            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            occurrence = next;
            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
