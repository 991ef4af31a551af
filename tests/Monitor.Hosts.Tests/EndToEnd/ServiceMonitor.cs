using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Channels;
using NewsMonitor.Deliveries;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;
using NewsMonitor.Queues;
using NewsMonitor.Subscriptions;
using NewsMonitor.Testing;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// The services of <see cref="MonitorServiceCollectionExtensions.AddNewsMonitor"/> on folder storage with a
/// <see cref="FakeTimeProvider"/>, driven by hand the way the timer and the two queue triggers drive them: a test runs
/// <see cref="PollCycle"/>, then works the queues with <see cref="FeedPoller"/> and <see cref="DeliveryHandler"/>,
/// and moves time itself. Feeds come from a real <see cref="FeedServer"/>, alerts go to a real <see cref="WebhookReceiver"/>.
/// </summary>
public sealed class ServiceMonitor : IAsyncDisposable
{
    /// <summary>Every five minutes, so a feed is due again 2.5 minutes after a poll.</summary>
    public const string Schedule = "0 */5 * * * *";

    private ServiceProvider _services;
    private readonly Dictionary<string, string?> _settings;

    private ServiceMonitor(ServiceProvider services, Dictionary<string, string?> settings, FeedServer feeds, WebhookReceiver receiver, FakeTimeProvider time, string dataDirectory)
    {
        _services = services;
        _settings = settings;
        Feeds = feeds;
        Receiver = receiver;
        Time = time;
        DataDirectory = dataDirectory;
    }

    public FeedServer Feeds { get; }
    public WebhookReceiver Receiver { get; }
    public FakeTimeProvider Time { get; }
    public string DataDirectory { get; }
    public PollCycle Cycle => _services.GetRequiredService<PollCycle>();
    public MonitorQueues Queues => _services.GetRequiredService<MonitorQueues>();
    public DeliveryStore Deliveries => _services.GetRequiredService<DeliveryStore>();

    /// <summary>Any other service, e.g. a store whose state a test sets up by hand.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="extraSettings">Settings added to (or overriding) the defaults, e.g. longer feed timeouts.</param>
    public static async Task<ServiceMonitor> StartAsync(Func<FeedServer, IEnumerable<Uri>> serveFeeds, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var feeds = await FeedServer.StartAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var dataDirectory = MonitorSettings.NewDataDirectory();
        var settings = MonitorSettings.For(serveFeeds(feeds), Schedule, MonitorSettings.Folder(dataDirectory));
        // The local host turns this off by itself; these services are built without it.
        settings["Monitor:Webhooks:RequireHttps"] = "false";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new ServiceMonitor(Build(settings, time), settings, feeds, receiver, time, dataDirectory);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, FakeTimeProvider time) =>
        new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddNewsMonitor(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    /// <summary>A restart: every service is built anew on the same storage and clock; nothing held in memory survives.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build(_settings, Time);
    }

    /// <summary>A second instance of the service beside this one, on the same storage and clock (scale-out).</summary>
    public ServiceProvider NewInstance() => Build(_settings, Time);

    /// <summary>Stores an active subscription of the receiver to <paramref name="topics"/>, as a verified subscribe would.</summary>
    public Task<Subscribed> SubscribeAsync(params string[] topics) => AddSubscriptionAsync(SubscriptionStatus.Active, topics);

    /// <summary>Stores a subscription of the receiver in the given status (a pending one waits for a cycle to verify it).</summary>
    public Task<Subscribed> AddSubscriptionAsync(SubscriptionStatus status, params string[] topics) =>
        AddSubscriptionAsync(status, SubscriptionChannel.Webhook, null, topics);

    /// <summary>Stores an active chat subscription of the receiver (verified, as after its code came back).</summary>
    public Task<Subscribed> AddChannelSubscriptionAsync(SubscriptionChannel channel, DeliveryPreferences? preferences, params string[] topics) =>
        AddSubscriptionAsync(SubscriptionStatus.Active, channel, preferences, topics);

    private async Task<Subscribed> AddSubscriptionAsync(SubscriptionStatus status, SubscriptionChannel channel, DeliveryPreferences? preferences, string[] topics)
    {
        var secret = WebhookSecret.Generate().Reveal();
        var subscription = new Subscription
        {
            Id = SubscriptionIds.New(),
            Url = Receiver.Url.AbsoluteUri,
            Topics = topics,
            Status = status,
            Channel = channel,
            Preferences = preferences,
            Secrets = [secret],
            CreatedAt = Time.GetUtcNow(),
            VerifiedAt = status == SubscriptionStatus.Active ? Time.GetUtcNow() : null,
        };
        Assert.True(await _services.GetRequiredService<SubscriptionStore>().TryCreateAsync(subscription, CancellationToken.None));
        return new Subscribed(subscription.Id, secret);
    }

    /// <summary>Does what the PollFeed trigger does with every visible feed-polls message, all at once; returns each poll's summary.</summary>
    public async Task<IReadOnlyList<FeedPollSummary>> WorkFeedPollsAsync()
    {
        var poller = _services.GetRequiredService<FeedPoller>();
        var messages = await Queues.FeedPolls.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        return await Task.WhenAll(messages.Select(async message =>
        {
            var summary = await poller.PollMessageAsync(message.Body, CancellationToken.None);
            await Queues.FeedPolls.DeleteAsync(message, CancellationToken.None);
            return summary;
        }));
    }

    /// <summary>Does what the DeliverAlert trigger does with every visible alert-deliveries message; returns each outcome.</summary>
    public async Task<IReadOnlyList<DeliveryStatus?>> WorkDeliveriesAsync()
    {
        var handler = _services.GetRequiredService<DeliveryHandler>();
        var messages = await Queues.Deliveries.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        var outcomes = new List<DeliveryStatus?>();
        foreach (var message in messages)
        {
            outcomes.Add(await handler.HandleAsync(message.Body, CancellationToken.None));
            await Queues.Deliveries.DeleteAsync(message, CancellationToken.None);
        }
        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        MonitorSettings.DeleteDataDirectory(DataDirectory);
    }
}
