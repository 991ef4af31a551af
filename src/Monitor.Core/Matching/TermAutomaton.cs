namespace NewsMonitor.Matching;

/// <summary>
/// Aho–Corasick automaton over every distinct normalised term segment of every topic, so one pass over an
/// item finds all of them whatever the number of topics. Characters are mapped to dense classes
/// (a character in no pattern resets to the root at once); the root has a dense transition row and the
/// other states sorted sparse rows. Patterns that start with a letter of an alphabetic script are only
/// reported where a word starts; CJK patterns are reported anywhere (substring matching).
/// </summary>
internal sealed class TermAutomaton
{
    private const int LinearScanLimit = 8;

    private readonly ushort[] _classOf = new ushort[char.MaxValue + 1];
    private readonly int[] _rootNext;
    private readonly int[] _edgeStart;
    private readonly ushort[] _edgeClass;
    private readonly int[] _edgeTarget;
    private readonly int[] _fail;
    private readonly int[] _patternAt;      // the pattern ending exactly at a state, or -1
    private readonly int[] _firstOutput;    // the state itself if it ends a pattern, else the nearest such state on its failure chain (0: none)
    private readonly int[] _nextOutput;     // the next such state further down the failure chain (0: none)
    private readonly int[] _patternLength;
    private readonly bool[] _needsWordStart;

    public TermAutomaton(IReadOnlyList<string> patterns)
    {
        PatternCount = patterns.Count;
        _patternLength = patterns.Select(p => p.Length).ToArray();
        _needsWordStart = patterns.Select(p => !TextNormalizer.IsCjk(p[0])).ToArray();

        ushort classes = 1; // class 0: characters that occur in no pattern
        foreach (var c in patterns.SelectMany(p => p))
        {
            if (_classOf[c] == 0) _classOf[c] = classes++;
        }
        ClassCount = classes;

        // Build the trie: edges keyed by (state, class).
        var children = new Dictionary<long, int>();
        var edges = new List<(int From, ushort Class, int To)>();
        var patternAt = new List<int> { -1 };
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = 0;
            foreach (var c in patterns[p])
            {
                var key = ((long)state << 16) | _classOf[c];
                if (!children.TryGetValue(key, out var next))
                {
                    next = patternAt.Count;
                    patternAt.Add(-1);
                    children.Add(key, next);
                    edges.Add((state, _classOf[c], next));
                }
                state = next;
            }
            patternAt[state] = p;
        }
        var stateCount = patternAt.Count;
        StateCount = stateCount;
        _patternAt = patternAt.ToArray();

        edges.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.Class.CompareTo(b.Class));
        _edgeStart = new int[stateCount + 1];
        _edgeClass = new ushort[edges.Count];
        _edgeTarget = new int[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            _edgeStart[edges[e].From + 1]++;
            _edgeClass[e] = edges[e].Class;
            _edgeTarget[e] = edges[e].To;
        }
        for (var s = 0; s < stateCount; s++) _edgeStart[s + 1] += _edgeStart[s];

        _rootNext = new int[classes];
        for (var e = _edgeStart[0]; e < _edgeStart[1]; e++) _rootNext[_edgeClass[e]] = _edgeTarget[e];

        _fail = new int[stateCount];
        _firstOutput = new int[stateCount];
        _nextOutput = new int[stateCount];
        LinkFailures();
    }

    public int PatternCount { get; }

    public int StateCount { get; }

    public int ClassCount { get; }

    /// <summary>Breadth-first: each state's failure link is the longest proper suffix of its path that is also a trie path.</summary>
    private void LinkFailures()
    {
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            for (var e = _edgeStart[s]; e < _edgeStart[s + 1]; e++)
            {
                var t = _edgeTarget[e];
                _fail[t] = s == 0 ? 0 : Step(_fail[s], _edgeClass[e]);
                var suffixOutput = _firstOutput[_fail[t]];
                _firstOutput[t] = _patternAt[t] >= 0 ? t : suffixOutput;
                _nextOutput[t] = _patternAt[t] >= 0 ? suffixOutput : 0;
                queue.Enqueue(t);
            }
        }
    }

    private int Step(int state, ushort cls)
    {
        while (true)
        {
            if (state == 0) return _rootNext[cls];
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

    /// <summary>Reports every occurrence of every pattern in <paramref name="text"/> (normalised) to <paramref name="sink"/>.</summary>
    public void Search(ReadOnlySpan<char> text, MatchScratch sink)
    {
        var classOf = _classOf;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cls = classOf[text[i]];
            if (cls == 0) { state = 0; continue; }
            state = Step(state, cls);
            for (var o = _firstOutput[state]; o != 0; o = _nextOutput[o])
            {
                var p = _patternAt[o];
                var start = i + 1 - _patternLength[p];
                if (_needsWordStart[p] && start > 0 && !NormalizedTextBuilder.IsBoundary(text[start - 1])) continue;
                sink.AddHit(p, start, i + 1);
            }
        }
    }
}
