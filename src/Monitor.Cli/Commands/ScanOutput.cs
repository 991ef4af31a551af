using System.Text;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// Where <c>monitor scan</c> prints hits. <see cref="Console.Out"/> flushes every line, one system call per hit;
/// a scan that matches many topics prints hundreds of thousands of lines, so when standard output is
/// redirected (a file or a pipe, where nobody watches lines appear) the hits go through a 64 KiB buffer
/// instead, as C's stdio does. A terminal, and any writer a caller passes in, still get every line at once.
/// </summary>
internal sealed class ScanOutput : IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _owned;

    private ScanOutput(TextWriter writer, bool owned)
    {
        _writer = writer;
        _owned = owned;
    }

    public static ScanOutput For(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || !Console.IsOutputRedirected) return new ScanOutput(output, owned: false);
        var buffered = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        return new ScanOutput(buffered, owned: true);
    }

    public void WriteLine(string line) => _writer.WriteLine(line);

    public async ValueTask DisposeAsync()
    {
        if (_owned) await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
