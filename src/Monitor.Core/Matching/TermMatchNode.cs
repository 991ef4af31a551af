using System.Runtime.CompilerServices;
using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// A word or phrase, compiled to term-index patterns. A phrase is one pattern ("peace treaty") unless it has
/// prefix words inside; then it is a chain of segments, each ending at a prefix word ("мирн* договор*"),
/// that must follow one another word by word.
/// </summary>
internal sealed class TermMatchNode(TermNode term, TermMatchNode.Segment[] segments) : MatchNode
{
    /// <param name="Pattern">The term-index pattern id.</param>
    /// <param name="IsPrefix">Its last word may continue (treat* matches treaty, treaties).</param>
    /// <param name="EndsInWord">Its last character is alphabetic, so a whole-word match must end at a word boundary (CJK never needs one).</param>
    internal readonly record struct Segment(int Pattern, bool IsPrefix, bool EndsInWord);

    public TermNode Term { get; } = term;

    public override bool Matches(MatchScratch scratch) => Find(scratch, null);

    public override void AddOccurrences(MatchScratch scratch, List<Occurrence> into) => Find(scratch, into);

    public override void CollectHits(MatchScratch scratch, List<(TermMatchNode Term, Occurrence At)> into)
    {
        var found = scratch.RentOccurrences();
        Find(scratch, found);
        foreach (var occurrence in found) into.Add((this, occurrence));
        scratch.Return(found);
    }

    /// <summary>Finds occurrences; with no list, stops at the first one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private bool Find(MatchScratch scratch, List<Occurrence>? into)
    {
        var any = false;
        for (var hit = scratch.FirstHit(segments[0].Pattern); hit >= 0; hit = scratch.NextHit(hit))
        {
            var start = scratch.HitStart(hit);
            if (Term.TitleOnly && start >= scratch.TitleLength) continue;
            var end = MatchFrom(scratch, 0, start);
            if (end < 0) continue;
            any = true;
            if (into is null) return true;
            into.Add(new Occurrence(start, end));
        }
        return any;
    }

    /// <summary>The end of the term if segment <paramref name="index"/> and those after it match from <paramref name="start"/>, else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private int MatchFrom(MatchScratch scratch, int index, int start)
    {
        var segment = segments[index];
        for (var hit = scratch.FirstHit(segment.Pattern); hit >= 0; hit = scratch.NextHit(hit))
        {
            if (scratch.HitStart(hit) != start) continue;
            var end = SegmentEnd(scratch.Chars, segment, scratch.HitEnd(hit));
            if (end < 0) return -1;
            if (index == segments.Length - 1) return end;
            var chars = scratch.Chars;
            var next = end < chars.Length && chars[end] == ' ' ? end + 1 : end;
            return MatchFrom(scratch, index + 1, next);
        }
        return -1;
    }

    /// <summary>Applies word-boundary rules at a segment's end: a prefix extends to the end of its word; a whole word must end there.</summary>
    private static int SegmentEnd(ReadOnlySpan<char> chars, Segment segment, int end)
    {
        if (!segment.EndsInWord) return end;
        if (segment.IsPrefix)
        {
            while (end < chars.Length && !NormalizedTextBuilder.IsBoundary(chars[end])) end++;
            return end;
        }
        return end == chars.Length || NormalizedTextBuilder.IsBoundary(chars[end]) ? end : -1;
    }
}
