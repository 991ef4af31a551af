using System.Diagnostics;
using System.Text;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// A long-running <c>monitor</c> executable (e.g. <c>monitor run</c>): waits on what it prints, interrupts it as Ctrl+C
/// does (SIGINT), and collects its exit code and output. Disposing kills it if it is still running.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    private CliProcess(Process process) => _process = process;

    public static CliProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliRun.ExecutablePath);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        var cli = new CliProcess(new Process { StartInfo = start });
        cli._process.OutputDataReceived += (_, e) => cli.Received(cli._output, e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Received(cli._error, e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    public string Output { get { lock (_gate) return _output.ToString(); } }

    public string Error { get { lock (_gate) return _error.ToString(); } }

    /// <summary>Completes when stdout or stderr contains <paramref name="text"/>; fails if the process exits or the time runs out first.</summary>
    public async Task WaitForTextAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.ToString().Contains(text) || _error.ToString().Contains(text)) return;
            _waiters.Add((text, seen));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first != seen.Task)
            throw new TimeoutException($"'{text}' not printed ({(first == exited ? $"exited {_process.ExitCode}" : "timed out")}).\nstdout:\n{Output}\nstderr:\n{Error}");
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>kill -9: the process gets no chance to finish anything (a crash, a pulled plug).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public int Id => _process.Id;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    private void Received(StringBuilder target, string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            target.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
