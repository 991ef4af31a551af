using System.Diagnostics.Metrics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsMonitor.Tests;

/// <summary>
/// The application half of the deployment: the metrics the pipeline reports and the switch that exports them to
/// the Application Insights resource infra/ creates. Nothing here sends telemetry: exporters are configured, never built.
/// </summary>
public sealed class TelemetryTests
{
    // Shaped like the real thing; its endpoints point at loopback in case anything ever did try to send.
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";

    private const string ClientId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void Metrics_are_published_under_the_newsmonitor_meter_with_their_tags()
    {
        using var services = Services(new Dictionary<string, string?>()).BuildServiceProvider();
        var metrics = services.GetRequiredService<MonitorMetrics>();
        var recorded = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = Listen(recorded);

        metrics.FeedPolled(FeedPollResult.Updated);
        metrics.FeedPolled(FeedPollResult.NotModified);
        metrics.FeedPolled(FeedPollResult.Failed, "timeout");
        metrics.FeedPolled(FeedPollResult.Failed);
        metrics.Matched(3);
        metrics.Matched(0);
        metrics.DeliveryAttempted(DeliveryOutcome.Delivered, TimeSpan.FromMilliseconds(250));
        metrics.DeliveryAttempted(DeliveryOutcome.DeadLettered, TimeSpan.FromSeconds(10));

        Assert.Equal(["updated", "not_modified", "failed", "failed"],
            recorded.Where(r => r.Instrument == "newsmonitor.feed.polls").Select(r => r.Tags[MonitorMetrics.PollResultTag]));
        Assert.Equal(["timeout", "unknown"],
            recorded.Where(r => r.Instrument == "newsmonitor.feed.errors").Select(r => r.Tags[MonitorMetrics.ErrorTypeTag]));
        // Zero new matches records nothing rather than a zero measurement.
        Assert.Equal([3.0], recorded.Where(r => r.Instrument == "newsmonitor.matches").Select(r => r.Value));
        Assert.Equal(["delivered", "dead_lettered"],
            recorded.Where(r => r.Instrument == "newsmonitor.deliveries").Select(r => r.Tags[MonitorMetrics.DeliveryOutcomeTag]));
        Assert.Equal([0.25, 10.0],
            recorded.Where(r => r.Instrument == "newsmonitor.delivery.duration").Select(r => r.Value));
    }

    [Fact]
    public void Every_enum_value_has_a_tag_name()
    {
        using var services = Services(new Dictionary<string, string?>()).BuildServiceProvider();
        var metrics = services.GetRequiredService<MonitorMetrics>();

        // A value added to an enum without a name would throw here instead of in production.
        foreach (var result in Enum.GetValues<FeedPollResult>())
            metrics.FeedPolled(result, "x");
        foreach (var outcome in Enum.GetValues<DeliveryOutcome>())
            metrics.DeliveryAttempted(outcome, TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.Matched(-1));
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_exported()
    {
        var configured = false;
        var services = Services(new Dictionary<string, string?>(), _ => configured = true);

        Assert.False(configured);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TracerProvider) || d.ServiceType == typeof(MeterProvider));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<MonitorMetrics>());
    }

    [Fact]
    public void With_a_connection_string_traces_and_metrics_go_to_azure_monitor_as_the_managed_identity()
    {
        var configured = false;
        var services = Services(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringKey] = ConnectionString,
            [TelemetryServiceCollectionExtensions.AuthenticationStringKey] = $"ClientId={ClientId};Authorization=AAD",
        }, _ => configured = true);

        Assert.True(configured);
        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue;
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Fact]
    public void Without_an_authentication_string_the_exporter_uses_the_connection_string_alone()
    {
        var services = Services(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringKey] = ConnectionString,
        });

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue;
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.Null(options.Credential);
    }

    [Theory]
    [InlineData($"ClientId={ClientId};Authorization=AAD", ClientId)]
    [InlineData($" authorization = aad ; clientid = {ClientId} ", ClientId)]
    [InlineData("Authorization=AAD", null)]
    public void Authentication_string_asking_for_entra_id_is_understood(string value, string? clientId)
    {
        var parsed = ApplicationInsightsAuthentication.Parse(value);

        Assert.NotNull(parsed);
        Assert.Equal(clientId, parsed.ClientId);
        Assert.IsType<ManagedIdentityCredential>(parsed.CreateCredential());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData($"ClientId={ClientId}")]
    [InlineData($"ClientId={ClientId};Authorization=Key")]
    public void Authentication_string_without_entra_id_means_no_credential(string? value)
    {
        Assert.Null(ApplicationInsightsAuthentication.Parse(value));
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings, Action<OpenTelemetry.IOpenTelemetryBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // Hosts register their configuration; the exporter's option defaults read it.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMonitorTelemetry(configuration, configure);
        return services;
    }

    private static MeterListener Listen(List<(string Instrument, double Value, Dictionary<string, object?> Tags)> recorded)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MonitorTelemetry.Name)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            recorded.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }
}
