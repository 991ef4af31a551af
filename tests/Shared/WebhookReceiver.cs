using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Tests;

/// <summary>
/// A webhook receiver on 127.0.0.1 with a free port, for tests: answers verification-of-intent GETs, records every
/// POST with its headers and body, and can be scripted to fail the next POSTs. Waiting for deliveries completes as
/// soon as they arrive; there are no sleeps.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<WebhookReceiverRequest> _requests = [];
    private readonly List<Uri> _challenges = [];
    private readonly Queue<WebhookReceiverResponse> _script = new();
    private readonly List<(Func<bool> IsSatisfied, TaskCompletionSource Done)> _waiters = [];

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:port/ — any path is accepted.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A ready-made hook URL, http://127.0.0.1:port/hooks/news.</summary>
    public Uri Url => new(BaseAddress, "hooks/news");

    /// <summary>How challenge GETs are answered; <see cref="WebhookReceiverChallenge.Echo"/> unless changed.</summary>
    public WebhookReceiverChallenge ChallengeAnswer { get; set; } = WebhookReceiverChallenge.Echo;

    /// <summary>
    /// When set, checks each POST body as a platform would (see <see cref="ChatPayloadRules"/>): a non-null answer is the
    /// refusal, sent as 400 with that text, and the POST counts as not delivered.
    /// </summary>
    public Func<byte[], string?>? PayloadCheck { get; set; }

    /// <summary>While set and not completed, challenge GETs are recorded and then held until it completes.</summary>
    public TaskCompletionSource? ChallengeGate { get; set; }

    /// <summary>Every POST received, in order, whatever it was answered.</summary>
    public IReadOnlyList<WebhookReceiverRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    /// <summary>The POSTs answered with 2xx.</summary>
    public IReadOnlyList<WebhookReceiverRequest> Deliveries { get { lock (_gate) return [.. _requests.Where(r => r.WasDelivered)]; } }

    /// <summary>The full URL of every challenge GET received.</summary>
    public IReadOnlyList<Uri> Challenges { get { lock (_gate) return [.. _challenges]; } }

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync(cancellationToken);

        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Answers the next POSTs with these responses, in order; after them, POSTs get 200 again.</summary>
    public void Script(params WebhookReceiverResponse[] responses)
    {
        lock (_gate)
            foreach (var response in responses) _script.Enqueue(response);
    }

    /// <summary>Completes when <paramref name="count"/> POSTs were answered 2xx; throws TimeoutException otherwise.</summary>
    public Task<IReadOnlyList<WebhookReceiverRequest>> WaitForDeliveriesAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => _requests.Count(r => r.WasDelivered) >= count, () => Deliveries, $"{count} deliveries", timeout);

    /// <summary>Completes when <paramref name="count"/> POSTs arrived, whatever they were answered.</summary>
    public Task<IReadOnlyList<WebhookReceiverRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => _requests.Count >= count, () => Requests, $"{count} requests", timeout);

    /// <summary>Completes when <paramref name="count"/> challenge GETs arrived.</summary>
    public Task<IReadOnlyList<Uri>> WaitForChallengesAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => _challenges.Count >= count, () => Challenges, $"{count} challenges", timeout);

    private async Task<IReadOnlyList<T>> WaitAsync<T>(Func<bool> isSatisfied, Func<IReadOnlyList<T>> result, string what, TimeSpan? timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (isSatisfied()) return result();
            _waiters.Add((isSatisfied, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? DefaultWaitTimeout);
        }
        catch (TimeoutException)
        {
            lock (_gate) _waiters.RemoveAll(w => w.Done == done);
            throw new TimeoutException($"Waited for {what}; received {Requests.Count} POSTs ({Deliveries.Count} answered 2xx) and {Challenges.Count} challenges.");
        }

        return result();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Query.TryGetValue("challenge", out var challenge))
        {
            await AnswerChallengeAsync(context, challenge.ToString());
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        WebhookReceiverResponse answer;
        lock (_gate) answer = _script.TryDequeue(out var scripted) ? scripted : new WebhookReceiverResponse(200);
        var refusal = PayloadCheck?.Invoke(body.ToArray());
        if (refusal is not null) answer = new WebhookReceiverResponse(400);

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new WebhookReceiverRequest(DateTimeOffset.UtcNow, context.Request.Path + context.Request.QueryString, headers, body.ToArray(), answer.StatusCode);
        Record(() => _requests.Add(request));

        if (answer.Hang)
        {
            await HoldOpenAsync(context);
            return;
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
        if (refusal is not null) await context.Response.WriteAsync(refusal, context.RequestAborted);
        else if (answer.Body is not null) await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private async Task AnswerChallengeAsync(HttpContext context, string challenge)
    {
        Record(() => _challenges.Add(new Uri(context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + context.Request.QueryString)));
        if (ChallengeGate is { } gate) await gate.Task.WaitAsync(context.RequestAborted);
        switch (ChallengeAnswer)
        {
            case WebhookReceiverChallenge.NoAnswer:
                await HoldOpenAsync(context);
                return;
            case WebhookReceiverChallenge.NotFound:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case WebhookReceiverChallenge.WrongBody:
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case WebhookReceiverChallenge.EchoWithNewline:
                await context.Response.WriteAsync(challenge + "\n", context.RequestAborted);
                return;
            default:
                await context.Response.WriteAsync(challenge, context.RequestAborted);
                return;
        }
    }

    /// <summary>Holds the request open until the client gives up or the receiver stops: how a receiver that never answers looks.</summary>
    private async Task HoldOpenAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await Task.Delay(Timeout.Infinite, aborted.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Applies <paramref name="add"/> under the lock, then releases every waiter it satisfied.</summary>
    private void Record(Action add)
    {
        List<TaskCompletionSource> satisfied;
        lock (_gate)
        {
            add();
            satisfied = [.. _waiters.Where(w => w.IsSatisfied()).Select(w => w.Done)];
            _waiters.RemoveAll(w => satisfied.Contains(w.Done));
        }

        foreach (var done in satisfied) done.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
