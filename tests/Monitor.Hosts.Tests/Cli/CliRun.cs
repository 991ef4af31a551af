using System.Diagnostics;
using NewsMonitor.Cli;

namespace NewsMonitor.Tests.Cli;

/// <summary>What one <c>monitor</c> command did: its exit code and everything it wrote to stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}stderr:{Environment.NewLine}{Error}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs <c>monitor</c> two ways: in process through <see cref="CommandLineRunner"/> with the same command tree as
/// Program.cs (fast; output captured with StringWriters), and as the real executable (<c>dotnet monitor.dll</c>,
/// built next to this test assembly) when exit codes and the separation of stdout and stderr are what is tested.
/// </summary>
public static class CliRun
{
    private static readonly TimeSpan ExecutableTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan InProcessTimeout = TimeSpan.FromSeconds(120);

    public static async Task<CliResult> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // A command that never returns (e.g. a host that started when it should have refused to) fails the test instead of hanging the run.
        var exitCode = await CommandLineRunner.RunAsync(MonitorCommandLine.CreateRoot(), args, output, error).WaitAsync(InProcessTimeout);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The built CLI: monitor.dll is copied next to the test assembly through the project reference.</summary>
    public static string ExecutablePath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "monitor.dll");
            Assert.True(File.Exists(path), $"monitor.dll not found at {path}");
            return path;
        }
    }

    public static Task<CliResult> ExecutableAsync(params string[] args) => ExecutableAsync(null, args);

    /// <summary>Runs <c>dotnet monitor.dll ARGS</c> in <paramref name="workingDirectory"/> (default: a fresh temp folder).</summary>
    public static async Task<CliResult> ExecutableAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var workingDirectory = new TempFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("MONITOR_API_URL");
        start.Environment.Remove("MONITOR_API_KEY");
        start.Environment.Remove("Monitor__ApiKey");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExecutableTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"monitor {string.Join(' ', args)} did not exit within {ExecutableTimeout.TotalSeconds} s");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
