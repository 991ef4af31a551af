using System.Runtime.CompilerServices;
namespace NewsMonitor.Matching;

/// <summary>
/// Per-thread working memory for matching one item: the normalised text, the pattern hits found in it
/// and the candidate topics. Reused across items (and matchers) so matching allocates little; arrays are
/// invalidated by bumping a generation number instead of clearing them.
/// </summary>
internal sealed class MatchScratch
{
    [ThreadStatic] private static MatchScratch? _current;

    public static MatchScratch ForCurrentThread() => _current ??= new MatchScratch();

    public readonly NormalizedTextBuilder Text = new(tracksSource: true);

    private int _generation;
    private int[] _patternStamp = [];
    private int[] _patternHead = [];
    private int[] _resolvedStamp = [];
    private int[] _topicStamp = [];
    private int[] _hitStart = new int[64];
    private int[] _hitEnd = new int[64];
    private int[] _hitNext = new int[64];
    private int _hitCount;
    private TermIndex? _index;

    public readonly List<int> Candidates = new();

    /// <summary>Length of the title in <see cref="Text"/>; the summary starts after the field break that follows.</summary>
    public int TitleLength { get; private set; }

    /// <summary>The item's title and summary as plain text (snippets are cut from these).</summary>
    public readonly PlainTextBuffer TitlePlain = new(), SummaryPlain = new();

    /// <summary>Pattern occurrences found in the current item (diagnostics).</summary>
    public int HitCount => _hitCount;

    public ReadOnlySpan<char> Chars => Text.Chars.AsSpan(0, Text.Length);

    public void Begin(TermIndex index, string? title, string? summary)
    {
        var patternCount = index.PatternCount;
        var topicCount = index.TopicCount;
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_patternStamp);
            Array.Clear(_resolvedStamp);
            Array.Clear(_topicStamp);
        }
        if (_patternStamp.Length < patternCount)
        {
            _patternStamp = new int[patternCount];
            _patternHead = new int[patternCount];
            _resolvedStamp = new int[patternCount];
        }
        if (_topicStamp.Length < topicCount) _topicStamp = new int[topicCount];
        _index = index;
        _hitCount = 0;
        Candidates.Clear();
        Array.Clear(_wordFilter);
        TitlePlain.Set(title);
        SummaryPlain.Set(summary);
        Text.Clear();
        Text.Append(TitlePlain.Span);
        TitleLength = Text.Length;
        Text.AppendFieldBreak();
        Text.Append(SummaryPlain.Span);
    }

    /// <summary>
    /// For one field, a map from each character of its normalised text to its index in the field's plain text;
    /// offsets are relative to the field's start in <see cref="Text"/>. Snippets need it. <see cref="Text"/> records
    /// it while normalising (one store per character), because rebuilding the text for every matched item cost
    /// more: at 10,000 topics most items match one, and an adversarial topic set has items matching hundreds.
    /// </summary>
    public ReadOnlySpan<int> SourceMap(bool summary)
    {
        var fieldStart = summary ? TitleLength + 1 : 0;
        var fieldEnd = summary ? Text.Length : TitleLength;
        return Text.Source.AsSpan(fieldStart, fieldEnd - fieldStart);
    }

    /// <summary>Called by the term index for each pattern occurrence (alphabetic ones start on a word boundary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public void AddHit(int pattern, int start, int end)
    {
        if (_hitCount == _hitStart.Length)
        {
            Array.Resize(ref _hitStart, _hitCount * 2);
            Array.Resize(ref _hitEnd, _hitCount * 2);
            Array.Resize(ref _hitNext, _hitCount * 2);
        }
        var hit = _hitCount++;
        _hitStart[hit] = start;
        _hitEnd[hit] = end;
        if (_patternStamp[pattern] != _generation)
        {
            _patternStamp[pattern] = _generation;
            _hitNext[hit] = -1;
            MarkCandidates(pattern);
        }
        else
        {
            _hitNext[hit] = _patternHead[pattern];
        }
        _patternHead[pattern] = hit;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private void MarkCandidates(int pattern)
    {
        foreach (var topic in _index!.TopicsOf(pattern))
        {
            if (_topicStamp[topic] == _generation) continue;
            _topicStamp[topic] = _generation;
            Candidates.Add(topic);
        }
    }

    /// <summary>The first hit of a pattern in this item, or -1; follow with <see cref="NextHit"/>. Hits come latest first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public int FirstHit(int pattern)
    {
        if (_patternStamp[pattern] == _generation) return _patternHead[pattern];
        if (_resolvedStamp[pattern] == _generation || _index!.IsIndexed(pattern)) return -1;
        // Not an anchor: the scan did not look for it; search now, once per item.
        _resolvedStamp[pattern] = _generation;
        _index.FindLazily(pattern, Chars, this);
        return _patternStamp[pattern] == _generation ? _patternHead[pattern] : -1;
    }

    public int NextHit(int hit) => _hitNext[hit];

    public int HitStart(int hit) => _hitStart[hit];

    public int HitEnd(int hit) => _hitEnd[hit];

    /// <summary>
    /// How many words lie strictly between a term ending at <paramref name="firstEnd"/> and one starting at
    /// <paramref name="secondStart"/> (each alphabetic word and each CJK character counts as one; -1 if they overlap).
    /// Counts only the gap and stops once it exceeds <paramref name="atMost"/>: NEAR distances are small, and indexing
    /// every word of the item for them cost a pass over the whole text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public int WordsBetween(int firstEnd, int secondStart, int atMost)
    {
        if (secondStart < firstEnd) return -1;
        var chars = Chars;
        var inWord = firstEnd > 0 && EndsInsideWord(chars, firstEnd - 1);
        var wordStarts = 0;
        for (var i = firstEnd; i <= secondStart && i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is ' ' or NormalizedTextBuilder.FieldBreak) { inWord = false; continue; }
            if (char.IsLowSurrogate(c)) continue; // second half of an astral CJK character: part of the first half's word
            var cjk = TextNormalizer.IsCjk(c);
            if ((cjk || !inWord) && ++wordStarts > atMost + 1) break;
            inWord = !cjk;
        }
        // The word that starts at secondStart is the second term's, not one between.
        return wordStarts - 1;
    }

    /// <summary>Whether a word continues after the character at <paramref name="at"/> (an alphabetic character, not CJK or a break).</summary>
    private static bool EndsInsideWord(ReadOnlySpan<char> chars, int at)
    {
        var c = chars[at];
        if (char.IsLowSurrogate(c)) return false; // astral characters are CJK-like: each its own word
        return c is not (' ' or NormalizedTextBuilder.FieldBreak) && !TextNormalizer.IsCjk(c);
    }

    /// <summary>Records a word of the item (by its <see cref="WordTable.Hash"/>) in a small Bloom filter.</summary>
    public void NoteWord(uint hash) => _wordFilter[hash >> 26] |= WordFilterBits(hash);

    /// <summary>False only if the item has no such word (as split by the term index scan); true may be a false positive.</summary>
    public bool MayHaveWord(uint hash)
    {
        var bits = WordFilterBits(hash);
        return (_wordFilter[hash >> 26] & bits) == bits;
    }

    private static ulong WordFilterBits(uint hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));

    private readonly ulong[] _wordFilter = new ulong[64]; // 4,096 bits: about 2% false positives for an item of 300 distinct words

    /// <summary>A buffer for the word-boundary bitmap of <see cref="Chars"/> (see <see cref="WordBoundaries"/>).</summary>
    public Span<ulong> BoundaryBits()
    {
        var needed = WordBoundaries.BitmapLength(Text.Length);
        if (_boundaryBits.Length < needed) _boundaryBits = new ulong[Math.Max(needed, _boundaryBits.Length * 2)];
        return _boundaryBits.AsSpan(0, needed);
    }

    private ulong[] _boundaryBits = new ulong[64];

    /// <summary>A cleared list of occurrences for one evaluation step; give it back with <see cref="Return"/>.</summary>
    /// <remarks>Evaluating NEAR and explaining matches needs short-lived lists; pooling them keeps matching allocation-free.</remarks>
    public List<Occurrence> RentOccurrences() => _occurrencePool.Count > 0 ? _occurrencePool.Pop() : new List<Occurrence>();

    public void Return(List<Occurrence> list)
    {
        list.Clear();
        _occurrencePool.Push(list);
    }

    private readonly Stack<List<Occurrence>> _occurrencePool = new();
}
