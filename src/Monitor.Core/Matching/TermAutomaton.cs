using System.Runtime.CompilerServices;
namespace NewsMonitor.Matching;

/// <summary>Receives pattern occurrences from <see cref="TermAutomaton.Search{TSink}"/>.</summary>
internal interface IPatternSink
{
    void OnMatch(int pattern, int start, int end);
}

/// <summary>
/// Aho–Corasick automaton: one pass over a text finds every occurrence of every pattern, whatever their
/// number. <see cref="TermIndex"/> uses it for terms in CJK scripts, which match as substrings. Characters are mapped to dense classes (a
/// character in no pattern sends the automaton straight back to the root). States are numbered
/// breadth-first; the shallow ones — where a scan spends nearly all its time — get full dense transition
/// rows with failures folded in (one array read per character), deeper ones keep sorted sparse rows and
/// failure links, so memory stays bounded when topics bring thousands of distinct CJK characters.
/// </summary>
internal sealed class TermAutomaton
{
    /// <summary>Upper bound on dense transition entries (4 bytes each): 16M entries = 64 MB.</summary>
    private const long DenseBudget = 16L << 20;
    private const int LinearScanLimit = 8;

    private readonly ushort[] _classOf = new ushort[char.MaxValue + 1];
    private readonly int _classCount;
    private readonly int _denseStates;
    private readonly int[] _dense;          // [state * classCount + class] for states below _denseStates
    private readonly int[] _edgeStart;
    private readonly ushort[] _edgeClass;
    private readonly int[] _edgeTarget;
    private readonly int[] _fail;
    private readonly int[] _patternAt;      // the pattern ending exactly at a state, or -1
    private readonly int[] _firstOutput;    // the state itself if it ends a pattern, else the nearest such state on its failure chain (0: none)
    private readonly int[] _nextOutput;     // for a pattern state: the next one down its failure chain (0: none)
    private readonly int[] _patternLength;
    private readonly char _firstCharMin = char.MaxValue, _firstCharMax; // range of the patterns' first characters

    public TermAutomaton(IReadOnlyList<string> patterns)
    {
        PatternCount = patterns.Count;
        _patternLength = patterns.Select(p => p.Length).ToArray();
        foreach (var p in patterns)
        {
            if (p[0] < _firstCharMin) _firstCharMin = p[0];
            if (p[0] > _firstCharMax) _firstCharMax = p[0];
        }

        ushort classes = 1; // class 0: characters that occur in no pattern
        foreach (var c in patterns.SelectMany(p => p))
        {
            if (_classOf[c] == 0) _classOf[c] = classes++;
        }
        _classCount = classes;

        var (edges, patternAt) = BuildTrie(patterns);
        StateCount = patternAt.Length;
        _patternAt = patternAt;

        _edgeStart = new int[StateCount + 1];
        _edgeClass = new ushort[edges.Count];
        _edgeTarget = new int[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            _edgeStart[edges[e].From + 1]++;
            _edgeClass[e] = edges[e].Class;
            _edgeTarget[e] = edges[e].To;
        }
        for (var s = 0; s < StateCount; s++) _edgeStart[s + 1] += _edgeStart[s];

        _denseStates = (int)Math.Clamp(DenseBudget / _classCount, 1, StateCount);
        _dense = new int[(long)_denseStates * _classCount];
        _fail = new int[StateCount];
        _firstOutput = new int[StateCount];
        _nextOutput = new int[StateCount];
        LinkFailures();
    }

    public int PatternCount { get; }

    public int StateCount { get; }

    /// <summary>
    /// Builds the trie and renumbers its states breadth-first, so that a state's failure target always has
    /// a smaller number and the dense rows cover the shallowest states. Edges come out sorted by (state, class).
    /// </summary>
    private (List<(int From, ushort Class, int To)> Edges, int[] PatternAt) BuildTrie(IReadOnlyList<string> patterns)
    {
        var children = new Dictionary<long, int>();
        var childLists = new List<List<(ushort Class, int To)>> { new() };
        var endsPattern = new List<int> { -1 };
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = 0;
            foreach (var c in patterns[p])
            {
                var key = ((long)state << 16) | _classOf[c];
                if (!children.TryGetValue(key, out var next))
                {
                    next = endsPattern.Count;
                    endsPattern.Add(-1);
                    childLists.Add(new());
                    children.Add(key, next);
                    childLists[state].Add((_classOf[c], next));
                }
                state = next;
            }
            endsPattern[state] = p;
        }

        var order = new int[endsPattern.Count]; // old number -> breadth-first number
        var queue = new Queue<int>();
        queue.Enqueue(0);
        var numbered = 0;
        var bfs = new List<int>();
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            order[s] = numbered++;
            bfs.Add(s);
            childLists[s].Sort((a, b) => a.Class.CompareTo(b.Class));
            foreach (var (_, to) in childLists[s]) queue.Enqueue(to);
        }
        var edges = new List<(int From, ushort Class, int To)>(endsPattern.Count);
        var patternAt = new int[endsPattern.Count];
        foreach (var s in bfs)
        {
            patternAt[order[s]] = endsPattern[s];
            foreach (var (cls, to) in childLists[s]) edges.Add((order[s], cls, order[to]));
        }
        return (edges, patternAt);
    }

    /// <summary>In breadth-first order: each state's failure link is the longest proper suffix of its path that is also a trie path.</summary>
    private void LinkFailures()
    {
        for (var e = _edgeStart[0]; e < _edgeStart[1]; e++) _dense[_edgeClass[e]] = _edgeTarget[e];
        for (var s = 0; s < StateCount; s++)
        {
            for (var e = _edgeStart[s]; e < _edgeStart[s + 1]; e++)
            {
                var t = _edgeTarget[e];
                _fail[t] = s == 0 ? 0 : Step(_fail[s], _edgeClass[e]);
                var suffixOutput = _firstOutput[_fail[t]];
                _firstOutput[t] = _patternAt[t] >= 0 ? t : suffixOutput;
                _nextOutput[t] = _patternAt[t] >= 0 ? suffixOutput : 0;
            }
            if (s > 0 && s < _denseStates) FillDenseRow(s);
        }
    }

    /// <summary>A dense row: the state's own edges, and for every other class what its failure state does (already dense: it is shallower).</summary>
    private void FillDenseRow(int s)
    {
        var row = (long)s * _classCount;
        Array.Copy(_dense, (long)_fail[s] * _classCount, _dense, row, _classCount);
        for (var e = _edgeStart[s]; e < _edgeStart[s + 1]; e++) _dense[row + _edgeClass[e]] = _edgeTarget[e];
    }

    private int Step(int state, ushort cls)
    {
        while (true)
        {
            if (state < _denseStates) return _dense[state * _classCount + cls];
            var next = Child(state, cls);
            if (next >= 0) return next;
            state = _fail[state];
        }
    }

    private int Child(int state, ushort cls)
    {
        int lo = _edgeStart[state], hi = _edgeStart[state + 1];
        if (hi - lo <= LinearScanLimit)
        {
            for (var e = lo; e < hi; e++)
            {
                if (_edgeClass[e] == cls) return _edgeTarget[e];
                if (_edgeClass[e] > cls) break;
            }
            return -1;
        }
        var i = Array.BinarySearch(_edgeClass, lo, hi - lo, cls);
        return i >= 0 ? _edgeTarget[i] : -1;
    }

    /// <summary>Reports every occurrence of every pattern in <paramref name="text"/> to <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public void Search<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IPatternSink
    {
        var classOf = _classOf;
        var firstOutput = _firstOutput;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                // At the root only a pattern's first character can lead anywhere: jump to the next one
                // in their range (vectorised; CJK patterns skip over all Latin and Cyrillic text).
                var skip = text[i..].IndexOfAnyInRange(_firstCharMin, _firstCharMax);
                if (skip < 0) return;
                i += skip;
            }
            var cls = classOf[text[i]];
            if (cls == 0) { state = 0; continue; }
            state = Step(state, cls);
            for (var o = firstOutput[state]; o != 0; o = _nextOutput[o])
            {
                var p = _patternAt[o];
                sink.OnMatch(p, i + 1 - _patternLength[p], i + 1);
            }
        }
    }
}
