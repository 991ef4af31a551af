namespace NewsMonitor.Matching;

/// <summary>
/// A field's plain text, kept in a reusable buffer so matching an item allocates nothing for it: text
/// without markup is used as it is; HTML is stripped and decoded into the buffer.
/// </summary>
internal sealed class PlainTextBuffer
{
    private char[] _buffer = new char[256];
    private char[] _spare = new char[256];
    private string _text = "";
    private int _length;
    private bool _inBuffer;

    public ReadOnlySpan<char> Span => _inBuffer ? _buffer.AsSpan(0, _length) : _text.AsSpan();

    public void Set(string? html)
    {
        if (string.IsNullOrEmpty(html) || html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            _text = html ?? "";
            _inBuffer = false;
            return;
        }
        Grow(ref _buffer, html.Length);
        _length = HtmlText.StripAndDecode(html, _buffer);
        _inBuffer = true;
        if (!HtmlText.HasTag(_buffer.AsSpan(0, _length))) return;
        // Double-escaped HTML decoded into markup: strip it once more.
        Grow(ref _spare, _length);
        (_buffer, _spare) = (_spare, _buffer);
        _length = HtmlText.StripAndDecode(_spare.AsSpan(0, _length), _buffer);
    }

    private static void Grow(ref char[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new char[Math.Max(length, buffer.Length * 2)];
    }

    public override string ToString() => _inBuffer ? new string(_buffer, 0, _length) : _text;
}
