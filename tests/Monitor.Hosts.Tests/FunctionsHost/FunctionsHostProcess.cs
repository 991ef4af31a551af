using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NewsMonitor.Tests.FunctionsHost;

/// <summary>
/// One run of the Functions host for a published app, started under <c>setsid</c> so that the host and its isolated
/// worker form one process group: <see cref="KillAsync"/> is kill -9 of both (the worker would outlive the host
/// otherwise), <see cref="DisposeAsync"/> a SIGTERM and, failing that, the same kill.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    private FunctionsHostProcess(Process process, int port, string secretsDirectory)
    {
        _process = process;
        Port = port;
        SecretsDirectory = secretsDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public string SecretsDirectory { get; }

    public string Log { get { lock (_gate) return _log.ToString(); } }

    /// <summary>Starts the host for <paramref name="appDirectory"/> on a free port and waits until it answers <c>/admin/host/ping</c>.</summary>
    public static async Task<FunctionsHostProcess> StartAsync(FunctionsHostCommand command, string appDirectory, string cacheDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var secrets = Path.Combine(cacheDirectory, "secrets");
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = appDirectory,
        };
        start.ArgumentList.Add(command.Path);
        if (command.IsCoreTools)
        {
            start.ArgumentList.Add("start");
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            start.ArgumentList.Add(appDirectory);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        start.Environment["FUNCTIONS_HOST_CACHE"] = cacheDirectory;
        start.Environment["FUNCTIONS_SECRETS_PATH"] = secrets;
        start.Environment["AzureWebJobsSecretStorageType"] = "files";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var host = new FunctionsHostProcess(new Process { StartInfo = start }, port, secrets);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>The host's function key (<c>x-functions-key</c>) and master key, from the files it writes on the first keyed request.</summary>
    public async Task<(string FunctionKey, string MasterKey)> KeysAsync()
    {
        var file = Path.Combine(SecretsDirectory, "host.json");
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(file))
        {
            // Any request that presents a key makes the host create its keys.
            using var request = new HttpRequestMessage(HttpMethod.Get, "admin/host/status");
            request.Headers.Add("x-functions-key", "none");
            using var _ = await client.SendAsync(request, deadline.Token);
            if (!File.Exists(file)) await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
        using var keys = JsonDocument.Parse(File.ReadAllText(file, Encoding.UTF8).TrimStart('\uFEFF'));
        var root = keys.RootElement;
        return (root.GetProperty("functionKeys")[0].GetProperty("value").GetString()!, root.GetProperty("masterKey").GetProperty("value").GetString()!);
    }

    /// <summary>kill -9 of the host and its worker (the whole process group).</summary>
    public async Task KillAsync()
    {
        Signal("-KILL");
        await _process.WaitForExitAsync();
    }

    private void Signal(string signal)
    {
        if (_process.HasExited) return;
        // setsid made the host's PID its process group id: "-PID" addresses the host and its worker.
        using var kill = Process.Start("kill", [signal, "--", $"-{_process.Id}"]);
        kill.WaitForExit();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The Functions host exited ({_process.ExitCode}) before it was ready:\n{Log}");
            try
            {
                using var ping = await client.GetAsync("admin/host/ping", deadline.Token);
                if (ping.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested) { /* slow answer */ }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The Functions host was not ready within {StartTimeout}:\n{Log}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("-TERM");
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { await KillAsync(); }
        }
        // The worker may still be shutting down after the host left: make sure the group is gone.
        using var kill = Process.Start("kill", ["-KILL", "--", $"-{_process.Id}"]);
        kill?.WaitForExit();
        _process.Dispose();
    }
}
