using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NewsMonitor.Matching;

/// <summary>
/// A short excerpt (about <see cref="MaxLength"/> characters) of the field where a topic matched, taken from
/// the text as the reader sees it (HTML stripped), with every hit inside it marked as [hit]; the window
/// is placed where the hits are densest.
/// The summary is preferred when it has hits, since it gives more context than the title.
/// Built for every match, so it works in spans and allocates only the result.
/// </summary>
internal static class Snippet
{
    public const int MaxLength = 160;
    private const int LeadIn = 50;
    private const int MaxMarked = 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    public static string Build(MatchScratch scratch, ExplainScratch explain)
    {
        var hits = explain.Found;
        var titleLength = scratch.TitleLength;
        var inSummary = false;
        var first = int.MaxValue;
        foreach (var (_, at) in hits) inSummary |= at.Start > titleLength;
        var text = (inSummary ? scratch.SummaryPlain : scratch.TitlePlain).Span;
        var fieldStart = inSummary ? titleLength + 1 : 0;
        foreach (var (_, at) in hits)
        {
            if ((at.Start > titleLength) == inSummary) first = Math.Min(first, at.Start - fieldStart);
        }
        // Hits further on than this cannot fall inside the window around the first one.
        var reach = first + 3 * MaxLength;
        var source = scratch.SourceMap(inSummary);
        Span<(int Start, int End)> ranges = stackalloc (int, int)[MaxMarked];
        var count = 0;
        foreach (var (_, at) in hits)
        {
            if ((at.Start > titleLength) != inSummary || at.End - fieldStart > reach || count == MaxMarked) continue;
            var end = source[at.End - fieldStart - 1] + 1;
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++; // keep astral characters whole
            ranges[count++] = (source[at.Start - fieldStart], end);
        }
        ranges = ranges[..count];
        ranges.Sort();
        return Render(text, Merge(ranges), explain.IsSingleSpaced(inSummary, text));
    }

    /// <summary>Joins overlapping ranges in place; returns the merged prefix.</summary>
    private static Span<(int Start, int End)> Merge(Span<(int Start, int End)> ranges)
    {
        var n = 0;
        foreach (var r in ranges)
        {
            if (n > 0 && r.Start <= ranges[n - 1].End) ranges[n - 1].End = Math.Max(ranges[n - 1].End, r.End);
            else ranges[n++] = r;
        }
        return ranges[..n];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private static string Render(ReadOnlySpan<char> text, Span<(int Start, int End)> ranges, bool textIsSingleSpaced)
    {
        if (ranges.IsEmpty) return Collapse(text, 0, Math.Min(text.Length, MaxLength), [], ellipsisAfter: false, textIsSingleSpaced);
        var anchor = BusiestAnchor(ranges);
        ranges = ranges[anchor..];
        var first = ranges[0];
        var start = Math.Max(0, first.Start - LeadIn);
        var end = Math.Min(text.Length, Math.Max(start + MaxLength, first.End));
        if (end - start < MaxLength) start = Math.Max(0, end - MaxLength);
        // Do not cut words in half at the edges (CJK text has no spaces: cut anywhere there).
        if (start > 0)
        {
            var space = text[start..first.Start].IndexOf(' ');
            if (space >= 0) start += space + 1;
        }
        if (end < text.Length)
        {
            // A loop, not LastIndexOf: the space is a few characters back, and a short CLI run would spend most
            // matches in that generic method's unoptimised first JIT tier.
            var space = end - 1;
            while (space >= first.End && text[space] != ' ') space--;
            if (space >= first.End) end = space;
        }
        var inside = 0;
        while (inside < ranges.Length && ranges[inside].End <= end) inside++;
        return Collapse(text, start, end, ranges[..inside], ellipsisAfter: end < text.Length, textIsSingleSpaced);
    }

    /// <summary>The hit to open the window at: the one whose window holds the most hits (the earliest of equals).</summary>
    private static int BusiestAnchor(ReadOnlySpan<(int Start, int End)> ranges)
    {
        int best = 0, bestCount = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            var count = 0;
            for (var j = i; j < ranges.Length && ranges[j].End <= ranges[i].Start + MaxLength - LeadIn; j++) count++;
            if (count > bestCount) (best, bestCount) = (i, count);
        }
        return best;
    }

    /// <summary>
    /// Copies text[start..end), collapsing whitespace runs and bracketing the hit ranges, with "…" where the window
    /// cuts the field (written into the same buffer: an item can match hundreds of topics, each with a snippet).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private static string Collapse(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<(int Start, int End)> ranges, bool ellipsisAfter, bool textIsSingleSpaced)
    {
        var size = end - start + ranges.Length * 2 + 2;
        Span<char> output = size <= 1024 ? stackalloc char[size] : new char[size];
        var n = 0;
        if (start > 0) output[n++] = '…';
        var bodyStart = n;
        Debug.Assert(AreOrderedWithin(ranges, start, end), "Merge and Render give ordered ranges inside the window");
        n = CopyBracketed(text, start, end, ranges, textIsSingleSpaced || IsSingleSpaced(text[start..end]), output, n);
        var body = output[bodyStart..n].TrimEnd(' ');
        n = bodyStart + body.Length;
        if (ellipsisAfter) output[n++] = '…';
        return new string(output[..n]);
    }

    /// <summary>
    /// Whether every range is non-empty, inside [start, end) and after the one before: what <see cref="Merge"/> and
    /// <see cref="Render"/> produce, and what <see cref="CopyBracketed"/> needs.
    /// </summary>
    private static bool AreOrderedWithin(ReadOnlySpan<(int Start, int End)> ranges, int start, int end)
    {
        var position = start;
        foreach (var (rangeStart, rangeEnd) in ranges)
        {
            if (rangeStart < position || rangeEnd <= rangeStart || rangeEnd > end) return false;
            position = rangeEnd;
        }
        return true;
    }

    /// <summary>
    /// Copies text[start..end) with each whitespace run as one space (none at the start) and each range in brackets,
    /// a run of text at a time rather than a character at a time: snippets are cut for every match, and an
    /// adversarial topic set makes hundreds of thousands of them, and testing each character as it is copied took a
    /// visible share of a scan. Most windows have no whitespace but single spaces (<paramref name="singleSpaced"/>:
    /// <see cref="IsSingleSpaced"/> of the window or of its whole field); those are copied as they are, others a
    /// word at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    internal static int CopyBracketed(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<(int Start, int End)> ranges, bool singleSpaced, Span<char> output, int n)
    {
        var lastWasSpace = true; // drops leading whitespace
        var position = start;
        foreach (var (rangeStart, rangeEnd) in ranges)
        {
            n = CopyCollapsed(text[position..rangeStart], singleSpaced, output, n, ref lastWasSpace);
            output[n++] = '[';
            lastWasSpace = false;
            n = CopyCollapsed(text[rangeStart..rangeEnd], singleSpaced, output, n, ref lastWasSpace);
            output[n++] = ']';
            position = rangeEnd;
        }
        return CopyCollapsed(text[position..end], singleSpaced, output, n, ref lastWasSpace);
    }

    /// <summary>
    /// Whether the only whitespace in <paramref name="window"/> (a snippet window or a whole field) is single spaces;
    /// a control character counts as whitespace here: such text just takes the general path. A loop rather than
    /// vectorised searches, which a short CLI run would spend in their unoptimised first JIT tier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    internal static bool IsSingleSpaced(ReadOnlySpan<char> window)
    {
        var previousWasSpace = false;
        foreach (var c in window)
        {
            if (c == ' ')
            {
                if (previousWasSpace) return false;
                previousWasSpace = true;
                continue;
            }
            if (c < ' ' || (c > '~' && char.IsWhiteSpace(c))) return false;
            previousWasSpace = false;
        }
        return true;
    }

    /// <summary>
    /// Copies <paramref name="text"/>, turning each whitespace run into one space (none at all after a space).
    /// <paramref name="singleSpaced"/>: the text has no whitespace but single spaces, so only a space at its start can go.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private static int CopyCollapsed(ReadOnlySpan<char> text, bool singleSpaced, Span<char> output, int n, ref bool lastWasSpace)
    {
        if (singleSpaced)
        {
            if (text.IsEmpty) return n;
            var spaceAtEnd = text[^1] == ' ';
            if (lastWasSpace && text[0] == ' ') text = text[1..];
            text.CopyTo(output[n..]);
            lastWasSpace = spaceAtEnd;
            return n + text.Length;
        }
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(Whitespace);
            var word = space < 0 ? text : text[..space];
            if (!word.IsEmpty)
            {
                word.CopyTo(output[n..]);
                n += word.Length;
                lastWasSpace = false;
            }
            if (space < 0) break;
            if (!lastWasSpace) output[n++] = ' ';
            lastWasSpace = true;
            text = text[space..];
            var after = text.IndexOfAnyExcept(Whitespace);
            text = after < 0 ? [] : text[after..];
        }
        return n;
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, for vectorised searches.</summary>
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());
}
