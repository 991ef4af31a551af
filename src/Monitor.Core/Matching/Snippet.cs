using System.Text;

namespace NewsMonitor.Matching;

/// <summary>
/// A short excerpt (about <see cref="MaxLength"/> characters) of the field where a topic matched, taken from
/// the text as the reader sees it (HTML stripped), with every hit inside it marked as [hit].
/// The summary is preferred when it has hits, since it gives more context than the title.
/// </summary>
internal static class Snippet
{
    public const int MaxLength = 160;
    private const int LeadIn = 50;

    public static string Build(MatchScratch scratch, List<Occurrence> hits)
    {
        var inSummary = hits.Exists(h => h.Start > scratch.TitleLength);
        var text = (inSummary ? scratch.SummaryPlain : scratch.TitlePlain).Span;
        var ranges = new List<(int Start, int End)>();
        foreach (var hit in hits)
        {
            if ((hit.Start > scratch.TitleLength) == inSummary) ranges.Add(ToPlain(scratch, text, hit));
        }
        ranges.Sort();
        return Render(text, Merge(ranges));
    }

    /// <summary>Maps a hit in normalised text back to the plain text it came from.</summary>
    private static (int Start, int End) ToPlain(MatchScratch scratch, ReadOnlySpan<char> text, Occurrence hit)
    {
        var source = scratch.Text.Source;
        var end = source[hit.End - 1] + 1;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        return (source[hit.Start], end);
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }

    private static string Render(ReadOnlySpan<char> text, List<(int Start, int End)> ranges)
    {
        if (ranges.Count == 0) return Collapse(text, 0, Math.Min(text.Length, MaxLength), []);
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
        var inside = ranges.Where(r => r.Start >= start && r.End <= end).ToList();
        return (start > 0 ? "…" : "") + Collapse(text, start, end, inside) + (end < text.Length ? "…" : "");
    }

    /// <summary>Copies text[start..end), collapsing whitespace runs and bracketing the hit ranges.</summary>
    private static string Collapse(ReadOnlySpan<char> text, int start, int end, List<(int Start, int End)> ranges)
    {
        var sb = new StringBuilder(end - start + ranges.Count * 2);
        var r = 0;
        var lastWasSpace = false;
        for (var i = start; i < end; i++)
        {
            if (r < ranges.Count && i == ranges[r].Start) sb.Append('[');
            var c = text[i];
            var space = char.IsWhiteSpace(c);
            if (!space || !lastWasSpace) sb.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (r < ranges.Count && i == ranges[r].End - 1) { sb.Append(']'); r++; }
        }
        return sb.ToString().Trim();
    }
}
