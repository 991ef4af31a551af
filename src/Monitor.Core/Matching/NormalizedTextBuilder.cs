using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// Writes normalised text into a reusable buffer, remembering for every output character the index of
/// the plain-text character it came from (for snippets). Words are separated by exactly one space;
/// fields (title, summary) by a line break that no term can cross.
/// </summary>
internal sealed class NormalizedTextBuilder
{
    public const char FieldBreak = '\n';

    private char[] _chars = new char[256];
    private int[] _source = new int[256];
    private bool _pendingSpace;

    public int Length { get; private set; }

    public char[] Chars => _chars;

    /// <summary>For each output character, the index in the plain text of the field it came from.</summary>
    public int[] Source => _source;

    public void Clear()
    {
        Length = 0;
        _pendingSpace = false;
    }

    public void AppendFieldBreak()
    {
        _pendingSpace = false;
        Put(FieldBreak, 0);
    }

    public void Append(ReadOnlySpan<char> plain)
    {
        EnsureCapacity(Length + plain.Length * 2 + 2);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                i = AppendAsciiRun(plain, i) - 1;
            }
            else if (c < 128)
            {
                _pendingSpace = true;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < plain.Length && char.IsLowSurrogate(plain[i + 1]))
            {
                // Astral letters (CJK extension B and beyond) are kept verbatim; emoji and symbols break words.
                if (Rune.IsLetter(new Rune(c, plain[i + 1]))) { PutWordChar(c, i); PutWordChar(plain[i + 1], i); }
                else _pendingSpace = true;
                i++;
            }
            else
            {
                AppendFolded(TextNormalizer.Fold(c), i);
            }
        }
    }

    /// <summary>Copies a run of ASCII letters and digits lower-cased (vectorised); returns where the run ends.</summary>
    private int AppendAsciiRun(ReadOnlySpan<char> plain, int start)
    {
        var length = plain[start..].IndexOfAnyExcept(AsciiLettersAndDigits);
        if (length < 0) length = plain.Length - start;
        PutWordChar(char.ToLowerInvariant(plain[start]), start); // settles a pending space
        System.Text.Ascii.ToLower(plain.Slice(start + 1, length - 1), _chars.AsSpan(Length, length - 1), out _);
        for (var k = 1; k < length; k++) _source[Length + k - 1] = start + k;
        Length += length - 1;
        return start + length;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private void AppendFolded(string folded, int source)
    {
        foreach (var f in folded)
        {
            if (f == ' ') { _pendingSpace = true; continue; }
            if (f is '\u3099' or '\u309A' && Length > 0 && !_pendingSpace && ComposeWithPrevious(f)) continue;
            EnsureCapacity(Length + 2);
            PutWordChar(f, source);
        }
    }

    /// <summary>Half-width "ｶﾞ" arrives as カ plus a combining voiced mark: join them into ガ as NFKC of the whole text would.</summary>
    private bool ComposeWithPrevious(char mark)
    {
        var composed = string.Concat(_chars[Length - 1], mark).Normalize(NormalizationForm.FormC);
        if (composed.Length != 1) return false;
        _chars[Length - 1] = composed[0];
        return true;
    }

    private void PutWordChar(char c, int source)
    {
        if (_pendingSpace)
        {
            _pendingSpace = false;
            if (Length > 0 && _chars[Length - 1] != FieldBreak) Put(' ', source);
        }
        Put(c, source);
    }

    private void Put(char c, int source)
    {
        if (Length == _chars.Length) EnsureCapacity(Length + 1);
        _chars[Length] = c;
        _source[Length] = source;
        Length++;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _chars.Length) return;
        var size = Math.Max(needed, _chars.Length * 2);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _source, size);
    }

    public override string ToString() => new(_chars, 0, Length);

    /// <summary>True where a word may start or end: text edges, spaces, field breaks and CJK characters.</summary>
    public static bool IsBoundary(char c) => c < '\u1100' ? c is ' ' or FieldBreak : TextNormalizer.IsCjk(c);
}
