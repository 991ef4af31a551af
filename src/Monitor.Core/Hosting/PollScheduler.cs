using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Hosting;

/// <summary>
/// The local host's stand-in for the timer trigger: runs <see cref="PollCycle"/> on the same NCRONTAB schedule
/// (six fields, with seconds) that <c>%PollSchedule%</c> gives the <c>PollFeeds</c> function, and once at start.
/// </summary>
public sealed class PollScheduler(IServiceScopeFactory scopes, IOptions<MonitorOptions> options, TimeProvider time, ILogger<PollScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Schedules.Parse(options.Value.PollSchedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PollCycle>().RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (Storage.StorageFailures.Describe(e) is { } what)
            {
                logger.LogError("Poll cycle failed: storage is unavailable: {What}; the next one runs on schedule", what);
            }
            catch (Exception e)
            {
                // One failed cycle (storage briefly unreachable, say) must not stop the schedule.
                logger.LogError(e, "Poll cycle failed; the next one runs on schedule");
            }

            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
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
