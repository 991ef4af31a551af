using System.Runtime.CompilerServices;
using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// Turns topic queries into match trees over one shared pattern table, and chooses for each topic the
/// anchor terms the presearcher indexes: a set of terms one of which every matching item must contain,
/// picked to be as rare as possible (see <see cref="AnchorSelector"/>). Only anchors are looked up in
/// every item; the other patterns are searched for lazily, when a candidate topic needs them.
/// </summary>
internal sealed class QueryCompiler
{
    private readonly Dictionary<TermPattern, int> _patternIds = new();
    private readonly List<TermPattern> _patterns = new();
    private readonly List<List<int>> _topicsOfPattern = new();

    public IReadOnlyList<TermPattern> Patterns => _patterns;

    /// <summary>For each pattern, the topics it makes candidates (empty for patterns that are not anchors).</summary>
    public int[][] TopicsOfPattern()
    {
        var topics = new int[_topicsOfPattern.Count][];
        for (var i = 0; i < topics.Length; i++) topics[i] = _topicsOfPattern[i].Count == 0 ? [] : _topicsOfPattern[i].ToArray();
        return topics;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public MatchNode Compile(TopicQuery query, int topicIndex)
    {
        var root = Compile(query.Root);
        foreach (var anchor in AnchorSelector.Anchors(query.Root))
        {
            var topics = _topicsOfPattern[PatternId(Segments(anchor)[0])];
            if (topics.Count == 0 || topics[^1] != topicIndex) topics.Add(topicIndex);
        }
        return root;
    }

    /// <summary>When set, told of every query node and what it compiled to (the relevance evaluator explains misses node by node).</summary>
    public Action<QueryNode, MatchNode>? OnCompiled { get; init; }

    private MatchNode Compile(QueryNode node)
    {
        MatchNode compiled = node switch
        {
            TermNode term => CompileTerm(term),
            AndNode and => new AndMatchNode(CompileAll(and.Children)),
            OrNode or => new OrMatchNode(CompileAll(or.Children)),
            NotNode not => new NotMatchNode(Compile(not.Child)),
            NearNode near => new NearMatchNode(Compile(near.Left), Compile(near.Right), near.Distance),
            _ => throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node)),
        };
        OnCompiled?.Invoke(node, compiled);
        return compiled;
    }

    // Loops, not LINQ: this runs for every topic in processes too short for the JIT to optimise it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private MatchNode[] CompileAll(IReadOnlyList<QueryNode> children)
    {
        var compiled = new MatchNode[children.Count];
        for (var i = 0; i < compiled.Length; i++) compiled[i] = Compile(children[i]);
        return compiled;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private TermMatchNode CompileTerm(TermNode term)
    {
        var segments = Segments(term);
        var compiled = new TermMatchNode.Segment[segments.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var segment = segments[i];
            compiled[i] = new TermMatchNode.Segment(PatternId(segment), segment.IsPrefix, !TextNormalizer.IsCjk(segment.Text[^1]));
        }
        return new TermMatchNode(term, compiled);
    }

    /// <summary>Words join into one pattern up to and including a prefix word, which must end its pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    internal static List<TermPattern> Segments(TermNode term)
    {
        if (term.Words.Count == 1) return [new TermPattern(term.Words[0].Text, term.Words[0].IsPrefix)]; // most terms
        var segments = new List<TermPattern>();
        var words = new List<string>();
        for (var i = 0; i < term.Words.Count; i++)
        {
            words.Add(term.Words[i].Text);
            if (!term.Words[i].IsPrefix && i < term.Words.Count - 1) continue;
            segments.Add(new TermPattern(string.Join(' ', words), term.Words[i].IsPrefix));
            words.Clear();
        }
        return segments;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private int PatternId(TermPattern pattern)
    {
        if (_patternIds.TryGetValue(pattern, out var id)) return id;
        id = _patterns.Count;
        _patternIds.Add(pattern, id);
        _patterns.Add(pattern);
        _topicsOfPattern.Add(new List<int>());
        return id;
    }
}
