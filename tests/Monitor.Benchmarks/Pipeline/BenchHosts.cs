using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// Real local hosts (<see cref="LocalHost.Build"/>, what <c>monitor run</c> runs: scheduler, both queue workers, API) in
/// this process, on one folder or one Azurite container, with one active subscriber pointed at the loopback receiver.
/// </summary>
public sealed class BenchHosts : IAsyncDisposable
{
    private readonly List<WebApplication> hosts = [];
    private readonly string? dataDirectory;

    private BenchHosts(string? dataDirectory, string secret)
    {
        this.dataDirectory = dataDirectory;
        Secret = secret;
    }

    /// <summary>The subscriber's signing secret.</summary>
    public string Secret { get; }

    public static async Task<BenchHosts> StartAsync(int count, string? connectionString, IReadOnlyList<string> feedUrls, string topicsFile,
        string schedule, string subscriberUrl)
    {
        var dataDirectory = connectionString is null ? Directory.CreateTempSubdirectory("newsmonitor-hosts-").FullName : null;
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:FeedsFile"] = "",
            ["Monitor:TopicsFile"] = topicsFile,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:PollSchedule"] = schedule,
            ["Monitor:Storage:DataDirectory"] = dataDirectory,
            ["Monitor:Storage:ConnectionString"] = connectionString,
            ["Monitor:Storage:ContainerName"] = "hosts" + Guid.NewGuid().ToString("N")[..12],
            // All loopback feeds share one host name; real feeds are spread over many publishers.
            ["Monitor:FeedReading:MaxConcurrentPerHost"] = "32",
        };
        for (var i = 0; i < feedUrls.Count; i++) settings[$"Monitor:FeedUrls:{i}"] = feedUrls[i];
        var secret = WebhookSecret.Generate().Reveal();
        var started = new BenchHosts(dataDirectory, secret);
        for (var i = 0; i < count; i++)
        {
            var host = LocalHost.Build(settings, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (i == 0)
            {
                await host.Services.GetRequiredService<SubscriptionStore>().TryCreateAsync(new Subscription
                {
                    Id = SubscriptionIds.New(),
                    Url = subscriberUrl,
                    Topics = ["bench-shikotan", "bench-habomai"],
                    Status = SubscriptionStatus.Active,
                    Secrets = [secret],
                    CreatedAt = DateTimeOffset.UtcNow,
                    VerifiedAt = DateTimeOffset.UtcNow,
                }, CancellationToken.None);
            }
            started.hosts.Add(host);
        }
        await Task.WhenAll(started.hosts.Select(h => h.StartAsync()));
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        if (dataDirectory is not null)
        {
            try { Directory.Delete(dataDirectory, recursive: true); }
            catch (IOException) { }
        }
    }
}
