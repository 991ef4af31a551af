using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsMonitor.Matching;

/// <summary>
/// A bitmap of the word boundaries (<see cref="NormalizedTextBuilder.IsBoundary"/>) of normalised text, one bit per
/// character, built eight characters at a time. Walking words by bit scans instead of testing every character
/// removes the branch that mispredicted at the end of nearly every word, which was most of the cost of scanning an item.
/// </summary>
internal static class WordBoundaries
{
    /// <summary>How many 64-bit words a bitmap for <paramref name="textLength"/> characters needs.</summary>
    public static int BitmapLength(int textLength) => (textLength + 63) >> 6;

    /// <summary>Sets the bit of every boundary character, and every bit past the end of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public static void Mark(ReadOnlySpan<char> text, Span<ulong> bits)
    {
        bits.Clear();
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var space = Vector128.Create((ushort)' ');
            var fieldBreak = Vector128.Create((ushort)NormalizedTextBuilder.FieldBreak);
            var maybeCjk = Vector128.Create((ushort)NormalizedTextBuilder.FirstNonAlphabeticBoundary);
            for (; i + Vector128<ushort>.Count <= text.Length; i += Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref start, (nuint)i);
                var breaks = Vector128.Equals(chars, space) | Vector128.Equals(chars, fieldBreak);
                var high = Vector128.GreaterThanOrEqual(chars, maybeCjk);
                ulong mask = breaks.ExtractMostSignificantBits();
                // Characters from U+1100 on are boundaries only if CJK: rare, so decided one by one.
                if (high != Vector128<ushort>.Zero) mask = MarkOneByOne(text.Slice(i, Vector128<ushort>.Count));
                bits[i >> 6] |= mask << (i & 63);
            }
        }
        for (; i < text.Length; i++)
        {
            if (NormalizedTextBuilder.IsBoundary(text[i])) bits[i >> 6] |= 1UL << (i & 63);
        }
        if ((text.Length & 63) != 0) bits[text.Length >> 6] |= ulong.MaxValue << (text.Length & 63);
    }

    private static ulong MarkOneByOne(ReadOnlySpan<char> chars)
    {
        ulong mask = 0;
        for (var k = 0; k < chars.Length; k++)
        {
            if (NormalizedTextBuilder.IsBoundary(chars[k])) mask |= 1UL << k;
        }
        return mask;
    }

    /// <summary>The first word character at or after <paramref name="from"/>, or <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextWordCharacter(ReadOnlySpan<ulong> bits, int from, int length) => Next(bits, from, length, flip: ulong.MaxValue);

    /// <summary>The first boundary at or after <paramref name="from"/>, or <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextBoundary(ReadOnlySpan<ulong> bits, int from, int length) => Next(bits, from, length, flip: 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ReadOnlySpan<ulong> bits, int from, int length, ulong flip)
    {
        if (from >= length) return length;
        var w = from >> 6;
        var word = (bits[w] ^ flip) & (ulong.MaxValue << (from & 63));
        while (word == 0)
        {
            if (++w == bits.Length) return length;
            word = bits[w] ^ flip;
        }
        return Math.Min(length, (w << 6) + BitOperations.TrailingZeroCount(word));
    }
}
