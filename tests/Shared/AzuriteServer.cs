using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMonitor.Tests;

/// <summary>
/// One Azurite process shared by every <see cref="AzuriteFixture"/> alive in this test run: started by the first,
/// killed when the last is disposed (and at process exit, should a run be cut short). Azurite picks its own free ports
/// (port 0) and prints them, so two test runs on one machine never race for a port.
/// </summary>
internal sealed partial class AzuriteServer
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? shared;
    private static int users;

    private readonly Process process;
    private readonly string workingDirectory;

    private AzuriteServer(Process process, string workingDirectory, string connectionString)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteServer> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            shared ??= await StartAsync();
            users++;
            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--users == 0 && shared is not null)
            {
                shared.Stop();
                shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AzuriteServer> StartAsync()
    {
        var executable = FindExecutable();
        var workingDirectory = Directory.CreateTempSubdirectory("newsmonitor-azurite-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            // Azure.Storage.Blobs 12.30 sends a newer x-ms-version than Azurite 3.37 knows.
            "--skipApiVersionCheck", "--inMemoryPersistence", "--silent", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var endpoints = new Dictionary<string, string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening:\n{Captured()}"));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);

        try
        {
            await listening.Task.WaitAsync(StartDeadline);
            var blob = endpoints["Blob"];
            var queue = endpoints["Queue"];
            await WaitUntilAcceptingAsync(new Uri(blob), new Uri(queue));
            return new AzuriteServer(process, workingDirectory, AzuriteFixture.ConnectionStringFor(blob, queue));
        }
        catch (Exception e)
        {
            Kill(process);
            throw new InvalidOperationException($"Azurite did not start: {e.Message}\nOutput:\n{Captured()}", e);
        }

        void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    endpoints[match.Groups["service"].Value] = match.Groups["address"].Value;
                    if (endpoints.ContainsKey("Blob") && endpoints.ContainsKey("Queue"))
                    {
                        listening.TrySetResult();
                    }
                }
            }
        }

        string Captured()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    // Azurite prints "listening" from its listen callback; still confirm a client can connect before handing it out.
    private static async Task WaitUntilAcceptingAsync(params Uri[] endpoints)
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        foreach (var endpoint in endpoints)
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
                }
            }
        }
    }

    private static string FindExecutable()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests", "azurite", "package.json")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"No tests/azurite/package.json above {AppContext.BaseDirectory}; run the tests from the repository.");
        }

        var bin = Path.Combine(directory.FullName, "tests", "azurite", "node_modules", ".bin");
        var executable = Path.Combine(bin, OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `npm ci --prefix tests/azurite` in the repository root " +
                $"(the README's test command does it), or set {AzuriteFixture.ConnectionStringVariable} to a storage connection string.");
        }

        return executable;
    }

    private void Stop()
    {
        Kill(process);
        process.Dispose();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless; never fail a test run over it.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
