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

    public static string Build(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> hits)
    {
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
        return Render(text, Merge(ranges));
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

    private static string Render(ReadOnlySpan<char> text, Span<(int Start, int End)> ranges)
    {
        if (ranges.IsEmpty) return Collapse(text, 0, Math.Min(text.Length, MaxLength), [], ellipsisAfter: false);
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
            var space = text[first.End..end].LastIndexOf(' ');
            if (space >= 0) end = first.End + space;
        }
        var inside = 0;
        while (inside < ranges.Length && ranges[inside].End <= end) inside++;
        return Collapse(text, start, end, ranges[..inside], ellipsisAfter: end < text.Length);
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
    private static string Collapse(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<(int Start, int End)> ranges, bool ellipsisAfter)
    {
        var size = end - start + ranges.Length * 2 + 2;
        Span<char> output = size <= 1024 ? stackalloc char[size] : new char[size];
        var n = 0;
        if (start > 0) output[n++] = '…';
        var bodyStart = n;
        var r = 0;
        var lastWasSpace = true; // drops leading whitespace
        for (var i = start; i < end; i++)
        {
            if (r < ranges.Length && i == ranges[r].Start) { output[n++] = '['; lastWasSpace = false; }
            var c = text[i];
            var space = char.IsWhiteSpace(c);
            if (!space || !lastWasSpace) output[n++] = space ? ' ' : c;
            lastWasSpace = space;
            if (r < ranges.Length && i == ranges[r].End - 1) { output[n++] = ']'; r++; }
        }
        var body = output[bodyStart..n].TrimEnd(' ');
        n = bodyStart + body.Length;
        if (ellipsisAfter) output[n++] = '…';
        return new string(output[..n]);
    }
}
