using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsMonitor.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Setting that turns the Azure Monitor export on (set by infra/ in Azure, absent locally).</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Setting naming the Entra ID identity to export with (see <see cref="ApplicationInsightsAuthentication"/>).</summary>
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Registers <see cref="MonitorMetrics"/> and, when <see cref="ConnectionStringKey"/> is set, OpenTelemetry tracing,
    /// metrics and logging exported to Application Insights: NewsMonitor's own spans and meter plus outgoing HTTP
    /// (feed downloads and webhooks). Without a connection string nothing is exported and the pipeline's
    /// metric calls stay no-ops, so local runs and tests need no configuration.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (app settings and environment variables).</param>
    /// <param name="configureOpenTelemetry">Host-specific additions, applied before the exporter, e.g.
    /// <c>otel =&gt; otel.UseFunctionsWorkerDefaults()</c> in the Functions app. Called only when exporting.</param>
    public static IServiceCollection AddMonitorTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IOpenTelemetryBuilder>? configureOpenTelemetry = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddMetrics();
        services.TryAddSingleton<MonitorMetrics>();

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
            return services;

        var authentication = ApplicationInsightsAuthentication.Parse(configuration[AuthenticationStringKey]);
        // In Azure the role name is the function app's name; elsewhere the product's.
        var serviceName = configuration["WEBSITE_SITE_NAME"] is { Length: > 0 } site ? site : "newsmonitor";

        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: MonitorTelemetry.Version))
            .WithTracing(tracing => tracing
                .AddSource(MonitorTelemetry.Name)
                // A chat webhook's URL is its credential: requests to one are not traced, so it never reaches Application Insights.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !Channels.ChatSender.IsSecretUrlRequest(request)))
            .WithMetrics(metrics => metrics
                .AddMeter(MonitorTelemetry.Name)
                .AddHttpClientInstrumentation());
        configureOpenTelemetry?.Invoke(openTelemetry);
        openTelemetry.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            // With local auth off in Application Insights, telemetry is only accepted with an Entra ID token.
            if (authentication is not null)
                options.Credential = authentication.CreateCredential();
        });
        return services;
    }
}
