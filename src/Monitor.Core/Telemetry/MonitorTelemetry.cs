using System.Diagnostics;
using System.Reflection;

namespace NewsMonitor.Telemetry;

/// <summary>
/// The names NewsMonitor's traces and metrics are published under. One name for both, so a single
/// <c>AddSource</c>/<c>AddMeter</c> in any OpenTelemetry setup collects everything the service emits.
/// </summary>
public static class MonitorTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "NewsMonitor";

    /// <summary>Version reported with every span and metric: the Monitor.Core assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(MonitorTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// Spans for the pipeline's units of work, e.g. <c>ActivitySource.StartActivity("PollFeed")</c>.
    /// Starting an activity costs nothing when no listener (no OpenTelemetry tracer) is attached.
    /// </summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);
}
