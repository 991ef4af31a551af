using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NewsMonitor.Tests;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 with a free port, for tests: every message accepted is
/// parsed with MimeKit and kept; waiting for messages completes as soon as they arrive.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<MimeMessage> _messages = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private SmtpServer.SmtpServer _server = null!;
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public IReadOnlyList<MimeMessage> Messages { get { lock (_gate) return [.. _messages]; } }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer();
        server.Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(server));
        server._server = new SmtpServer.SmtpServer(options, services);
        server._running = server._server.StartAsync(server._stopping.Token);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Completes when <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_messages.Count >= count) return [.. _messages];
            _waiters.Add((count, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout ?? WebhookReceiver.DefaultWaitTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited for {count} e-mails; received {Messages.Count}.");
        }
        return Messages;
    }

    private void Add(MimeMessage message)
    {
        List<TaskCompletionSource> satisfied;
        lock (_gate)
        {
            _messages.Add(message);
            satisfied = [.. _waiters.Where(w => _messages.Count >= w.Count).Select(w => w.Done)];
            _waiters.RemoveAll(w => satisfied.Contains(w.Done));
        }
        foreach (var done in satisfied) done.TrySetResult();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The server starts listening in the background: connect until it answers, within the wait timeout.</summary>
    private async Task WaitUntilListeningAsync()
    {
        using var deadline = new CancellationTokenSource(WebhookReceiver.DefaultWaitTimeout);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException) when (!deadline.IsCancellationRequested)
            {
                await Task.Yield();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
