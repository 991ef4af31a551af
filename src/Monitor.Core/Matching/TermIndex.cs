using System.Runtime.CompilerServices;
namespace NewsMonitor.Matching;

/// <summary>
/// Finds every topic term in an item in one pass whose cost hardly depends on the number of topics.
/// Terms in alphabetic scripts can only start where a word starts, so each word of the item is hashed
/// once (and its first characters, for each length of one-word prefix pattern) and looked up in two tables: first words of whole-word terms and
/// phrases, and one-word prefixes. Terms in CJK scripts match as substrings, so they go into an
/// Aho–Corasick automaton, run only over items that contain such characters. Only the presearcher's
/// anchor patterns are indexed; the others are found lazily (<see cref="FindLazily"/>) when a candidate
/// topic asks for them, so common words in topics cost nothing for items no topic is a candidate for.
/// </summary>
internal sealed class TermIndex
{
    private readonly WordTable _firstWords;
    private readonly int[] _entryStart;       // per first word: its entries are [_entryStart[w], _entryStart[w + 1])
    private readonly int[] _entryPattern;
    private readonly string[] _entryRest;     // the pattern after its first word ("" for one-word patterns)
    private readonly WordTable _prefixes;
    private readonly int[] _prefixPattern;
    private readonly int[] _prefixLengths;    // the distinct lengths of prefix patterns, ascending
    private readonly ulong[] _prefixLengthsByStart; // per bucket of a word's first two characters: bit n if a prefix of n characters starts so
    private readonly int[] _unbucketedPrefixLengths; // lengths a bucket mask cannot hold (under 2 or over 63), ascending
    private readonly TermAutomaton? _cjk;
    private readonly int[][] _cjkPatterns;    // automaton pattern -> pattern ids (one string may be used whole and as a prefix)

    private readonly TermPattern[] _patterns;
    private readonly uint?[] _lazyFirstWordHash; // for patterns found lazily whose first word is a whole word: its hash
    private readonly int[][] _topicsOfPattern;

    /// <param name="patterns">Every pattern of every topic.</param>
    /// <param name="topicsOfPattern">Per pattern, the topics it makes candidates; patterns with none are not indexed.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public TermIndex(IReadOnlyList<TermPattern> patterns, int[][] topicsOfPattern)
    {
        _patterns = patterns.ToArray();
        _topicsOfPattern = topicsOfPattern;
        _lazyFirstWordHash = new uint?[_patterns.Length];
        for (var p = 0; p < _patterns.Length; p++)
        {
            var (text, isPrefix) = _patterns[p];
            if (IsIndexed(p) || TextNormalizer.IsCjk(text[0])) continue;
            var firstWordEnd = FirstWordEnd(text);
            if (firstWordEnd < text.Length || !isPrefix) _lazyFirstWordHash[p] = WordTable.Hash(text.AsSpan(0, firstWordEnd));
        }
        var byFirstWord = new Dictionary<string, List<(int Pattern, string After)>>(StringComparer.Ordinal);
        var prefixes = new List<(string Text, int Pattern)>();
        var cjk = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < patterns.Count; p++)
        {
            if (!IsIndexed(p)) continue;
            var (text, isPrefix) = patterns[p];
            if (TextNormalizer.IsCjk(text[0]))
            {
                ListFor(cjk, text).Add(p);
                continue;
            }
            var firstWordEnd = FirstWordEnd(text);
            if (isPrefix && firstWordEnd == text.Length) prefixes.Add((text, p));
            else ListFor(byFirstWord, text[..firstWordEnd]).Add((p, text[firstWordEnd..]));
        }

        var words = new string[byFirstWord.Count];
        _entryStart = new int[words.Length + 1];
        var entryCount = 0;
        foreach (var list in byFirstWord.Values) entryCount += list.Count;
        _entryPattern = new int[entryCount];
        _entryRest = new string[entryCount];
        var w = 0;
        foreach (var (word, list) in byFirstWord)
        {
            words[w] = word;
            var e = _entryStart[w];
            foreach (var (pattern, after) in list)
            {
                _entryPattern[e] = pattern;
                _entryRest[e++] = after;
            }
            _entryStart[++w] = e;
        }
        _firstWords = new WordTable(words);

        var prefixTexts = new string[prefixes.Count];
        _prefixPattern = new int[prefixes.Count];
        for (var p = 0; p < prefixes.Count; p++) (prefixTexts[p], _prefixPattern[p]) = prefixes[p];
        _prefixes = new WordTable(prefixTexts);
        _prefixLengths = prefixes.Select(p => p.Text.Length).Distinct().Order().ToArray();
        _prefixLengthsByStart = new ulong[prefixes.Count == 0 ? 1 : StartBuckets];
        foreach (var (text, _) in prefixes)
        {
            if (IsBucketed(text.Length)) _prefixLengthsByStart[StartBucket(text[0], text[1])] |= 1UL << text.Length;
        }
        _unbucketedPrefixLengths = _prefixLengths.Where(length => !IsBucketed(length)).ToArray();

        var cjkStrings = cjk.Keys.ToArray();
        _cjk = cjkStrings.Length == 0 ? null : new TermAutomaton(cjkStrings);
        _cjkPatterns = cjkStrings.Select(s => cjk[s].ToArray()).ToArray();
    }

    public int PatternCount => _patterns.Length;

    public int TopicCount { get; init; }

    public int[] TopicsOf(int pattern) => _topicsOfPattern[pattern];

    /// <summary>Whether <see cref="Search"/> finds this pattern; if not, <see cref="FindLazily"/> must be asked.</summary>
    public bool IsIndexed(int pattern) => _topicsOfPattern[pattern].Length > 0;

    /// <summary>Reports the occurrences of one pattern that the index does not hold, by a direct search of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public void FindLazily(int pattern, ReadOnlySpan<char> text, MatchScratch sink)
    {
        // Most lazily searched terms are exclusions that an item does not contain: the item's word filter, filled
        // during the scan, rules them out without a search of the text.
        if (_lazyFirstWordHash[pattern] is { } firstWord && !sink.MayHaveWord(firstWord)) return;
        var needle = _patterns[pattern].Text;
        var anywhere = TextNormalizer.IsCjk(needle[0]);
        for (var from = 0; from < text.Length;)
        {
            var at = text[from..].IndexOf(needle, StringComparison.Ordinal);
            if (at < 0) return;
            at += from;
            if (anywhere || at == 0 || NormalizedTextBuilder.IsBoundary(text[at - 1])) sink.AddHit(pattern, at, at + needle.Length);
            from = at + 1;
        }
    }

    private static List<T> ListFor<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map.Add(key, list = new List<T>());
        return list;
    }

    private static int FirstWordEnd(string text)
    {
        var end = 0;
        while (end < text.Length && !NormalizedTextBuilder.IsBoundary(text[end])) end++;
        return end;
    }

    /// <summary>Reports every pattern occurrence in the normalised <paramref name="text"/> to <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public void Search(ReadOnlySpan<char> text, MatchScratch sink)
    {
        var shortestPrefix = _prefixLengths.Length == 0 ? int.MaxValue : _prefixLengths[0];
        var boundaries = sink.BoundaryBits();
        WordBoundaries.Mark(text, boundaries);
        for (var i = WordBoundaries.NextWordCharacter(boundaries, 0, text.Length); i < text.Length;)
        {
            var end = WordBoundaries.NextBoundary(boundaries, i + 1, text.Length);
            if (end - i >= shortestPrefix) FindPrefixes(text, i, end, sink);
            var hash = WordTable.Hash(text[i..end]);
            sink.NoteWord(hash);
            FindWord(text, i, end, hash, sink);
            i = WordBoundaries.NextWordCharacter(boundaries, end + 1, text.Length);
        }
        if (_cjk is not null)
        {
            var cjkSink = new CjkSink(sink, _cjkPatterns);
            _cjk.Search(text, ref cjkSink);
        }
    }

    /// <summary>
    /// Looks up the word's first characters for each length of one-word prefix pattern that fits in it, shortest first.
    /// Only the lengths of prefixes that start with the word's first two characters are tried: a topic set has a
    /// dozen prefix lengths (the seed topics ten), and looking each up in every long word cost more than the word itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private void FindPrefixes(ReadOnlySpan<char> text, int start, int wordEnd, MatchScratch sink)
    {
        var wordLength = wordEnd - start;
        foreach (var length in _unbucketedPrefixLengths)
        {
            if (length < 2) FindPrefix(text, start, length, sink); // below every bucketed length: keeps shortest first
        }
        if (wordLength >= 2)
        {
            var lengths = _prefixLengthsByStart[StartBucket(text[start], text[start + 1])];
            if (wordLength < 63) lengths &= (2UL << wordLength) - 1;
            for (; lengths != 0; lengths &= lengths - 1) FindPrefix(text, start, System.Numerics.BitOperations.TrailingZeroCount(lengths), sink);
        }
        foreach (var length in _unbucketedPrefixLengths)
        {
            if (length > 63 && length <= wordLength) FindPrefix(text, start, length, sink);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private void FindPrefix(ReadOnlySpan<char> text, int start, int length, MatchScratch sink)
    {
        var prefix = text.Slice(start, length);
        var id = _prefixes.Find(prefix, WordTable.Hash(prefix));
        if (id >= 0) sink.AddHit(_prefixPattern[id], start, start + length);
    }

    private const int StartBuckets = 4096;

    private static bool IsBucketed(int length) => length is >= 2 and <= 63;

    private static int StartBucket(char first, char second) => ((first * 31) ^ second) & (StartBuckets - 1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    private void FindWord(ReadOnlySpan<char> text, int start, int end, uint hash, MatchScratch sink)
    {
        var word = _firstWords.Find(text[start..end], hash);
        if (word < 0) return;
        for (var e = _entryStart[word]; e < _entryStart[word + 1]; e++)
        {
            var rest = _entryRest[e];
            if (rest.Length == 0 || text[end..].StartsWith(rest, StringComparison.Ordinal))
                sink.AddHit(_entryPattern[e], start, end + rest.Length);
        }
    }

    private readonly struct CjkSink(MatchScratch scratch, int[][] patterns) : IPatternSink
    {
        public void OnMatch(int pattern, int start, int end)
        {
            foreach (var p in patterns[pattern]) scratch.AddHit(p, start, end);
        }
    }
}
