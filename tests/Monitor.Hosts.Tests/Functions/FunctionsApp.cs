using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Functions;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Queues;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// The Functions app built the way Program.cs builds it (FunctionsApplication builder, ASP.NET Core integration,
/// <see cref="FunctionsAppServices.Add"/>), never started: function classes are activated from its services as the
/// worker does, and their methods called directly. Storage is a temp folder; a loopback feed server and webhook
/// receiver stand in for the internet.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    /// <summary>Every class that declares a [Function] method.</summary>
    public static readonly IReadOnlyList<Type> FunctionClasses = typeof(PollFeeds).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0))
        .ToArray();

    private FunctionsApp(string dataDirectory, FeedServer feeds, WebhookReceiver receiver, IHost host)
    {
        DataDirectory = dataDirectory;
        Feeds = feeds;
        Receiver = receiver;
        Host = host;
    }

    public string DataDirectory { get; }
    public FeedServer Feeds { get; }
    public WebhookReceiver Receiver { get; }
    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;

    /// <summary>The feed the app polls (its only one): served at /news.xml, empty until <see cref="ServeFeed"/>.</summary>
    public Uri FeedUrl => Feeds.Url("/news.xml");

    public static async Task<FunctionsApp> StartAsync(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var dataDirectory = System.IO.Directory.CreateTempSubdirectory("newsmonitor-functions-").FullName;
        var feeds = await FeedServer.StartAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Storage:DataDirectory"] = dataDirectory,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:Webhooks:RequireHttps"] = "false",
            ["Monitor:FeedsFile"] = "",
            ["Monitor:FeedUrls:0"] = feeds.Url("/news.xml").AbsoluteUri,
            ["PollSchedule"] = "0 */5 * * * *",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;

        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        FunctionsAppServices.Add(builder.Services, builder.Configuration);
        return new FunctionsApp(dataDirectory, feeds, receiver, builder.Build());
    }

    public void ServeFeed(string rss) => Feeds.Serve("/news.xml", FeedServerResponses.Feed(rss));

    /// <summary>Creates a function class the way the worker's default activator does: constructor injection from the app's services.</summary>
    public T Activate<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    public MonitorQueues Queues => Services.GetRequiredService<MonitorQueues>();

    /// <summary>Takes the one message waiting on <paramref name="queue"/> and deletes it, as a queue trigger would before calling its function.</summary>
    public static async Task<string> TakeSingleMessageAsync(IMessageQueue queue)
    {
        var received = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        var message = Assert.Single(received);
        Assert.True(await queue.DeleteAsync(message, CancellationToken.None));
        return message.Body;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
