using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) that serves feeds and misbehaves on request: each path
/// is given a <see cref="RequestDelegate"/>, usually one of <see cref="FeedServerResponses"/>. Every request
/// is recorded with its headers so tests can assert what the client sent (conditional GET, User-Agent).
/// Unknown paths answer 404. Handlers that stall wait on <see cref="Stopping"/> or the client's abort,
/// never on a timer.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private FeedServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>Cancelled when the server is disposed, so stalled handlers end.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();

        FeedServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FeedServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Serves <paramref name="handler"/> at <paramref name="path"/> (e.g. "/feed.xml") and returns its absolute URL.</summary>
    public Uri Serve(string path, RequestDelegate handler)
    {
        _routes[Normalize(path)] = handler;
        return Url(path);
    }

    public Uri Url(string path) => new(BaseAddress, Normalize(path).TrimStart('/'));

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        _requests.Where(r => r.Path == Normalize(path)).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(new RecordedRequest(
            path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        if (!_routes.TryGetValue(path, out var handler))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Handlers wait on RequestAborted; linking it to Stopping ends every stalled handler at dispose.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        context.RequestAborted = aborted.Token;
        try
        {
            await handler(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away (it timed out or hit its body cap): exactly what many tests provoke.
        }
    }

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;
}

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
