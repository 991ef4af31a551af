using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Hosting;
using NewsMonitor.Telemetry;

namespace NewsMonitor.Functions;

/// <summary>
/// The Functions app's services, in one method that Program.cs calls and that tests call to resolve every function
/// class without the Functions host: the same <see cref="MonitorServiceCollectionExtensions.AddNewsMonitor"/> as
/// <c>monitor run</c>, plus the worker's OpenTelemetry defaults.
/// </summary>
public static class FunctionsAppServices
{
    /// <summary>The app setting the timer trigger reads as <c>%PollSchedule%</c>.</summary>
    public const string PollScheduleSetting = "PollSchedule";

    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddNewsMonitor(configuration);
        // The timer fires on the PollSchedule app setting; the feeds' pace must follow the same schedule
        // unless Monitor:PollSchedule says otherwise.
        services.PostConfigure<MonitorOptions>(o =>
        {
            if (configuration[$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.PollSchedule)}"] is null
                && configuration[PollScheduleSetting] is { Length: > 0 } schedule)
                o.PollSchedule = schedule;
        });
        services.AddMonitorTelemetry(configuration, otel => otel.UseFunctionsWorkerDefaults());
        return services;
    }
}
