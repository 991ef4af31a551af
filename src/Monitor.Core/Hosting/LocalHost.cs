using NewsMonitor.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Api;
using NewsMonitor.Deliveries;
using NewsMonitor.Pipeline;
using NewsMonitor.Telemetry;
using NewsMonitor.WebConsole;

namespace NewsMonitor.Hosting;

/// <summary>
/// <c>monitor run</c>: one process that does what the Functions app does — the poll schedule, the two queue
/// handlers and the HTTP API with the same routes and JSON — on Kestrel, with embedded-folder or Azure storage.
/// </summary>
public static class LocalHost
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>Where the local host differs from Azure: plain-http webhooks are fine on a developer's machine.</summary>
    private static readonly Dictionary<string, string?> LocalDefaults = new()
    {
        ["Monitor:Webhooks:RequireHttps"] = "false",
        // One line per request is noise next to the service's own log lines.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <param name="settings">Configuration from the command line (e.g. <c>Monitor:Feeds:0</c>), layered over
    /// environment variables such as <c>Monitor__ApiKey</c>.</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, string urls, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(LocalDefaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders().AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging?.Invoke(builder.Logging);

        builder.Services.AddNewsMonitor(builder.Configuration);
        builder.Services.AddMonitorTelemetry(builder.Configuration);
        builder.Services.AddHostedService<PollScheduler>();
        builder.Services.AddHostedService<DigestTimer>();
        // Registered as plain IHostedService singletons: AddHostedService would keep only the first of two QueueWorkers.
        builder.Services.AddSingleton<IHostedService>(sp => Worker(sp, MonitorQueues.FeedPollsName, sp.GetRequiredService<MonitorQueues>().FeedPolls,
            (message, ct) => sp.GetRequiredService<FeedPoller>().PollMessageAsync(message, ct), o => o.MaxConcurrentFeeds));
        builder.Services.AddSingleton<IHostedService>(sp => Worker(sp, MonitorQueues.DeliveriesName, sp.GetRequiredService<MonitorQueues>().Deliveries,
            (message, ct) => sp.GetRequiredService<DeliveryHandler>().HandleAsync(message, ct), o => o.MaxConcurrentDeliveries));

        var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<MonitorOptions>>().Value;
        if (string.IsNullOrEmpty(options.ApiKey))
            app.Logger.LogWarning("No API key is set (Monitor__ApiKey): the HTTP API accepts every request. Set one before exposing the host beyond this machine.");
        MapApi(app, options.ApiKey);
        app.MapConsole();
        return app;
    }

    /// <summary>
    /// Reads the topics and feeds files now, so a typo stops <c>monitor run</c> at start with the file and the reason
    /// instead of failing every poll cycle in the log. Throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static void CheckContent(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<TopicCatalog>().FileTopics;
            _ = services.GetRequiredService<FeedList>().Sources();
        }
        catch (Topics.TopicsFileException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Maps every route of <see cref="ApiRoutes"/> under <c>/api</c>, behind the API key (except the token-signed e-mail links).</summary>
    public static void MapApi(IEndpointRouteBuilder endpoints, string? apiKey)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix);
        foreach (var route in ApiRoutes.All)
        {
            api.MapMethods(route.Template, [route.Method], (HttpContext context, ApiDispatcher dispatcher) =>
                route.Anonymous || ApiKeyGate.IsAuthorized(context.Request, apiKey)
                    ? dispatcher.DispatchAsync(route.Name, context.Request, context.Request.RouteValues["id"] as string, context.RequestAborted)
                    : Task.FromResult(ApiProblems.Unauthorized()));
        }
        // A known route with another method is a 405 naming the methods it accepts; anything else a problem 404.
        endpoints.MapFallback((HttpContext context) => ApiRoutes.MethodsFor(context.Request.Path) is { Count: > 0 } allowed
            ? ApiProblems.MethodNotAllowed(context.Request.Method, context.Request.Path, allowed)
            : ApiProblems.RouteNotFound(context.Request.Method, context.Request.Path));
    }

    private static QueueWorker Worker(IServiceProvider services, string name, Queues.IMessageQueue queue,
        Func<string, CancellationToken, Task> handle, Func<MonitorOptions, int> concurrency) =>
        new(name, queue, handle, concurrency(services.GetRequiredService<IOptions<MonitorOptions>>().Value),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>().CreateLogger($"NewsMonitor.Queue.{name}"));
}
