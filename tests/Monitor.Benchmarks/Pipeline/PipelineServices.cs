using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;
using NewsMonitor.Storage;
using NewsMonitor.Storage.Counting;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// The real services of both hosts (<see cref="MonitorServiceCollectionExtensions.AddNewsMonitor"/>) on a folder or on
/// Azurite, with every storage request counted, plus one active subscriber following every benchmark topic.
/// </summary>
public sealed class PipelineServices : IAsyncDisposable
{
    private readonly string? dataDirectory;

    private PipelineServices(ServiceProvider provider, StorageTransactionCounter counter, string? dataDirectory)
    {
        Provider = provider;
        Counter = counter;
        this.dataDirectory = dataDirectory;
    }

    public ServiceProvider Provider { get; }

    public StorageTransactionCounter Counter { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <param name="connectionString">Azure Storage or Azurite; null for a new temporary folder.</param>
    public static async Task<PipelineServices> CreateAsync(string? connectionString, IReadOnlyList<string> feedUrls, string topicsFile,
        IReadOnlyDictionary<string, string?>? extra = null, string subscriberUrl = "http://127.0.0.1:9/alerts")
    {
        var dataDirectory = connectionString is null ? Directory.CreateTempSubdirectory("newsmonitor-bench-").FullName : null;
        var container = "bench" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:FeedsFile"] = "",
            ["Monitor:TopicsFile"] = topicsFile,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:Webhooks:RequireHttps"] = "false",
            ["Monitor:FeedReading:MaxBodyBytes"] = (512L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Monitor:FeedReading:TotalTimeout"] = "00:10:00",
            ["Monitor:FeedReading:ReadTimeout"] = "00:10:00",
            ["Monitor:FeedReading:MaxConcurrentPerHost"] = "64",
        };
        for (var i = 0; i < feedUrls.Count; i++) settings[$"Monitor:FeedUrls:{i}"] = feedUrls[i];
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var counter = new StorageTransactionCounter();
        var storage = new StorageOptions { DataDirectory = dataDirectory, ConnectionString = connectionString, ContainerName = container };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        // Registered before AddNewsMonitor, whose TryAdd leaves this one in place: the same storage, counted.
        services.AddSingleton(sp => StorageAccount.Create(storage, TimeProvider.System).WithTransactionCounter(counter));
        services.AddNewsMonitor(configuration);
        var provider = services.BuildServiceProvider();

        var secret = WebhookSecret.Generate().Reveal();
        await provider.GetRequiredService<SubscriptionStore>().TryCreateAsync(new Subscription
        {
            Id = SubscriptionIds.New(),
            Url = subscriberUrl,
            Topics = ["bench-shikotan", "bench-habomai"],
            Status = SubscriptionStatus.Active,
            Secrets = [secret],
            CreatedAt = DateTimeOffset.UtcNow,
            VerifiedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        counter.Reset();
        return new PipelineServices(provider, counter, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (dataDirectory is not null)
        {
            try { Directory.Delete(dataDirectory, recursive: true); }
            catch (IOException) { }
        }
    }
}
