using System.Text;
using NewsMonitor.Scanning;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// Where <c>monitor scan</c> prints hits. <see cref="Console.Out"/> flushes every line, one system call per hit;
/// a scan that matches many topics prints hundreds of thousands of lines, so when standard output is
/// redirected (a file or a pipe, where nobody watches lines appear) the hits go through a 64 KiB buffer
/// instead, as C's stdio does, and JSON lines are written as UTF-8 straight into it (<see cref="ScanHitJsonLines"/>).
/// A terminal, and any writer a caller passes in, still get every line at once.
/// </summary>
internal sealed class ScanOutput : IAsyncDisposable
{
    private readonly TextWriter? _writer;
    private readonly Stream? _stdout;
    private StreamWriter? _stdoutText;
    private ScanHitJsonLines? _stdoutJson;

    private ScanOutput(TextWriter writer) => _writer = writer;

    private ScanOutput(Stream stdout) => _stdout = stdout;

    public static ScanOutput For(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || !Console.IsOutputRedirected) return new ScanOutput(output);
        return new ScanOutput(Console.OpenStandardOutput());
    }

    public void WriteLine(string line)
    {
        if (_writer is not null)
        {
            _writer.WriteLine(line);
            return;
        }
        _stdoutJson?.Flush(); // keeps lines in the order they were written
        _stdoutText ??= new StreamWriter(_stdout!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { AutoFlush = false };
        _stdoutText.WriteLine(line);
    }

    public void WriteJsonLine(ScanHit hit)
    {
        if (_writer is not null)
        {
            _writer.WriteLine(ScanHitFormat.ToJsonLine(hit));
            return;
        }
        _stdoutText?.Flush();
        (_stdoutJson ??= new ScanHitJsonLines(_stdout!)).Write(hit);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stdout is null) return;
        if (_stdoutText is not null) await _stdoutText.DisposeAsync().ConfigureAwait(false);
        _stdoutJson?.Dispose();
        await _stdout.DisposeAsync().ConfigureAwait(false);
    }
}
