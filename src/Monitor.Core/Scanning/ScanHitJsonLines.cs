using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NewsMonitor.Scanning;

/// <summary>
/// Writes hits to a stream as JSON lines: the UTF-8 bytes of <see cref="ScanHitFormat.ToJsonLine"/> and
/// <see cref="Environment.NewLine"/>, as a <see cref="TextWriter"/> would write them, but without building each
/// line as a string and encoding it again, through one reused <see cref="Utf8JsonWriter"/> and a 64 KiB buffer.
/// An adversarial topic set makes a scan print hundreds of thousands of lines, most of them for the same few
/// items, whose fields are escaped once.
/// Call <see cref="Flush"/> (or dispose) to write out what is buffered; the stream is the caller's.
/// </summary>
public sealed class ScanHitJsonLines : IDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly byte[] NewLine = System.Text.Encoding.UTF8.GetBytes(Environment.NewLine);

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + 4096);
    private readonly Utf8JsonWriter _json;
    private Feeds.NewsItem? _lastItem;
    private ItemJson? _lastItemJson;

    public ScanHitJsonLines(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _json = new Utf8JsonWriter(_buffer, ScanHitFormat.JsonLine);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    public void Write(ScanHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (!ReferenceEquals(hit.Item, _lastItem))
        {
            _lastItemJson = ItemJson.Of(hit.Item);
            _lastItem = hit.Item;
        }
        _json.Reset();
        ScanHitFormat.WriteJson(_json, hit, _lastItemJson!);
        _json.Flush();
        _buffer.Write(NewLine);
        if (_buffer.WrittenCount >= FlushAt) WriteBuffer();
    }

    public void Flush()
    {
        WriteBuffer();
        _output.Flush();
    }

    private void WriteBuffer()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }
}
