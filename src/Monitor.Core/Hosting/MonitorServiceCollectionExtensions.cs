using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Api;
using NewsMonitor.Channels;
using NewsMonitor.Deliveries;
using NewsMonitor.Feeds;
using NewsMonitor.Matches;
using NewsMonitor.Pipeline;
using NewsMonitor.Queues;
using NewsMonitor.RecentItems;
using NewsMonitor.Storage;
using NewsMonitor.Subscriptions;
using NewsMonitor.Telemetry;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Hosting;

/// <summary>
/// The one composition root: the Functions app's Program.cs and <c>monitor run</c> both call
/// <see cref="AddNewsMonitor"/>, so both hosts run the same services with the same configuration keys.
/// </summary>
public static class MonitorServiceCollectionExtensions
{
    public static IServiceCollection AddNewsMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MonitorOptions>()
            .Bind(configuration.GetSection(MonitorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Schedules.IsValid(o.PollSchedule), "Monitor:PollSchedule must be a six-field NCRONTAB schedule such as \"0 */5 * * * *\".")
            .ValidateOnStart();

        // One switch for local development: Monitor:AllowPrivateNetworks opens loopback and private addresses for
        // feeds and webhooks alike (the more specific keys can still be set on their own).
        var allowPrivate = configuration.GetValue<bool>($"{MonitorOptions.SectionName}:{nameof(MonitorOptions.AllowPrivateNetworks)}");
        var feedReading = configuration.GetSection(FeedReadingOptions.SectionName);
        services.AddFeedReading(o =>
        {
            feedReading.Bind(o);
            o.AllowPrivateNetworks |= allowPrivate;
        });
        // The schedule sets the pace: a feed is due again by the next run unless it asked for more time
        // (max-age, <ttl>, Retry-After) or keeps failing. Half the interval leaves room for the poll's own duration.
        services.AddOptions<FeedReadingOptions>().PostConfigure<IOptions<MonitorOptions>>((o, monitor) =>
        {
            if (feedReading[nameof(FeedReadingOptions.PollInterval)] is null && Schedules.IsValid(monitor.Value.PollSchedule))
                o.PollInterval = Schedules.HalfInterval(monitor.Value.PollSchedule);
        });
        services.AddWebhooks().Bind(configuration.GetSection(WebhookOptions.SectionName)).PostConfigure(o => o.AllowPrivateNetworks |= allowPrivate);
        services.AddMonitorStorage(configuration);
        // Metrics are always counted; exporting them is each host's choice (AddMonitorTelemetry).
        services.AddMetrics();
        services.TryAddSingleton<MonitorMetrics>();

        services.TryAddSingleton<MonitorQueues>();
        services.TryAddSingleton<MatchStore>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<FeedRecordStore>();
        services.TryAddSingleton<StoryRegistry>();
        services.TryAddSingleton<TopicCatalog>();
        services.TryAddSingleton<FeedList>();
        services.TryAddSingleton<FeedCatalog>();
        services.TryAddSingleton<FeedHealth>();
        services.TryAddSingleton<AlertPlanner>();
        services.TryAddSingleton<AlertSender>();
        services.TryAddSingleton<DeliveryHandler>();
        services.TryAddSingleton<DeliveryReplayer>();
        services.TryAddSingleton<OutboxSweeper>();
        services.TryAddSingleton<SubscriptionVerifier>();
        services.TryAddSingleton<FeedLeases>();
        services.TryAddSingleton<NewItemsRecorder>();
        services.TryAddSingleton<FeedPoller>();
        services.TryAddSingleton<PollCycle>();
        services.AddRecentItems(configuration);
        services.TryAddSingleton<ScheduleClaims>();

        services.TryAddSingleton<TopicsEndpoints>();
        services.TryAddSingleton<SubscriptionsEndpoints>();
        services.TryAddSingleton<DeliveriesEndpoints>();
        services.TryAddSingleton<MatchesEndpoints>();
        services.TryAddSingleton<FeedsEndpoints>();
        services.TryAddSingleton<Relevance.FeedbackStore>();
        services.TryAddSingleton<RelevanceEndpoints>();
        services.TryAddSingleton<BacktestEndpoints>();
        services.TryAddSingleton<ChannelEndpoints>();
        services.TryAddSingleton<ApiDispatcher>();
        services.AddChannels(configuration);
        return services;
    }
}
