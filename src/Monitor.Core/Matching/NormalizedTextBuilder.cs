using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// Writes normalised text into a reusable buffer. Words are separated by exactly one space; fields
/// (title, summary) by a line break that no term can cross. With <see cref="TracksSource"/> it also
/// remembers, for every output character, the index of the plain-text character it came from, so that snippets
/// can be cut from the text as the reader sees it (matching items turns it on; normalising query terms does not).
/// </summary>
internal sealed class NormalizedTextBuilder(bool tracksSource = false)
{
    public const char FieldBreak = '\n';

    private char[] _chars = new char[256];
    private int[] _source = new int[256];
    private bool _pendingSpace;

    public bool TracksSource { get; } = tracksSource;

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

    /// <param name="plain">Text without markup.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public void Append(ReadOnlySpan<char> plain)
    {
        EnsureCapacity(Length + plain.Length * 2 + 2);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c < 128)
            {
                i = AppendAscii(plain, i) - 1;
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

    /// <summary>
    /// The hot loop: a run of ASCII text (most of most feeds) with everything in locals so the JIT keeps it
    /// in registers. Returns where the run ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private int AppendAscii(ReadOnlySpan<char> plain, int i)
    {
        EnsureCapacity(Length + (plain.Length - i) * 2 + 2);
        var chars = _chars;
        var source = _source;
        var tracks = TracksSource;
        var table = AsciiFold;
        var length = Length;
        var pending = _pendingSpace;
        ref var plainStart = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(plain));
        ref var charsStart = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(chars));
        ref var sourceStart = ref MemoryMarshal.GetArrayDataReference(source);
        while (i < plain.Length)
        {
            if (Vector128.IsHardwareAccelerated && i + Vector128<ushort>.Count <= plain.Length)
            {
                // The common case of running text, eight characters at a time: letters, digits and single spaces between
                // them normalise to themselves, lower-cased, after the pending word break if one is due; a trailing space
                // becomes the pending break. Any other block (punctuation, runs of spaces, a space that would be dropped or
                // doubled at its start) goes character by character below. Written through refs: the capacity was
                // ensured above, and bounds checks here cost as much as the copy.
                var block = Vector128.LoadUnsafe(ref plainStart, (nuint)i);
                var lowered = block | Vector128.Create((ushort)0x20); // ASCII letters only; the checks below reject the rest
                var letter = Vector128.LessThan(lowered - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
                var digit = Vector128.LessThan(block - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
                var space = Vector128.Equals(block, Vector128.Create((ushort)' '));
                var spaces = space.ExtractMostSignificantBits();
                var wordBefore = length > 0 && chars[length - 1] != FieldBreak;
                if ((letter | digit | space) == Vector128<ushort>.AllBitsSet && (spaces & (spaces >> 1)) == 0
                    && ((spaces & 1) == 0 || (!pending && wordBefore)))
                {
                    var at = length + (pending && wordBefore ? 1 : 0);
                    Unsafe.Add(ref charsStart, length) = ' '; // the pending break; overwritten by the block if none is due
                    Vector128.ConditionalSelect(letter, lowered, block).StoreUnsafe(ref charsStart, (nuint)at);
                    if (tracks)
                    {
                        Unsafe.Add(ref sourceStart, length) = i;
                        (Vector256.Create(i) + BlockOffsets).StoreUnsafe(ref sourceStart, (nuint)at);
                    }
                    var endsInSpace = (int)(spaces >> 7);
                    length = at + Vector128<ushort>.Count - endsInSpace;
                    pending = endsInSpace != 0;
                    i += Vector128<ushort>.Count;
                    continue;
                }
            }
            // One block character by character: punctuation, runs of spaces, a pending break or the end of the run.
            for (var blockEnd = Math.Min(plain.Length, i + Vector128<ushort>.Count); i < blockEnd; i++)
            {
                var c = plain[i];
                if (c >= 128) goto done;
                var lower = table[c];
                if (lower == '\0') { pending = true; continue; }
                if (pending)
                {
                    pending = false;
                    if (length > 0 && chars[length - 1] != FieldBreak)
                    {
                        if (tracks) source[length] = i;
                        chars[length++] = ' ';
                    }
                }
                if (tracks) source[length] = i;
                chars[length++] = lower;
            }
        }
    done:
        Length = length;
        _pendingSpace = pending;
        return i;
    }

    private static readonly Vector256<int> BlockOffsets = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);

    /// <summary>ASCII letters lower-cased, digits kept, everything else '\0' (a word break).</summary>
    private static readonly char[] AsciiFold = Enumerable.Range(0, 128)
        .Select(i => char.IsAsciiLetterOrDigit((char)i) ? char.ToLowerInvariant((char)i) : '\0')
        .ToArray();

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
        if (TracksSource) _source[Length] = source;
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
    /// <remarks>
    /// Called for every character the term index scans; the JIT left it as a call (about a tenth of matching
    /// time), so it is forced inline with the rare CJK test kept out of line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBoundary(char c) => c < FirstNonAlphabeticBoundary ? c is ' ' or FieldBreak : TextNormalizer.IsCjk(c);

    /// <summary>Below this character only spaces and field breaks are boundaries (the first CJK block, Hangul jamo, starts here).</summary>
    public const char FirstNonAlphabeticBoundary = '\u1100';
}
