using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// Turns topic queries into match trees over one shared pattern table, and records which topics each
/// pattern can make a candidate (only patterns of terms not under NOT: the presearcher's index).
/// </summary>
internal sealed class QueryCompiler
{
    private readonly Dictionary<string, int> _patternIds = new(StringComparer.Ordinal);
    private readonly List<string> _patterns = new();
    private readonly List<List<int>> _topicsOfPattern = new();

    public IReadOnlyList<string> Patterns => _patterns;

    public int[][] TopicsOfPattern() => _topicsOfPattern.Select(t => t.ToArray()).ToArray();

    public MatchNode Compile(TopicQuery query, int topicIndex) => Compile(query.Root, topicIndex, negated: false);

    private MatchNode Compile(QueryNode node, int topic, bool negated) => node switch
    {
        TermNode term => CompileTerm(term, topic, negated),
        AndNode and => new AndMatchNode(and.Children.Select(c => Compile(c, topic, negated)).ToArray()),
        OrNode or => new OrMatchNode(or.Children.Select(c => Compile(c, topic, negated)).ToArray()),
        NotNode not => new NotMatchNode(Compile(not.Child, topic, negated: true)),
        NearNode near => new NearMatchNode(Compile(near.Left, topic, negated), Compile(near.Right, topic, negated), near.Distance),
        _ => throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>Words join into one pattern up to and including a prefix word, which must end its pattern.</summary>
    private TermMatchNode CompileTerm(TermNode term, int topic, bool negated)
    {
        var segments = new List<TermMatchNode.Segment>();
        var words = new List<string>();
        for (var i = 0; i < term.Words.Count; i++)
        {
            words.Add(term.Words[i].Text);
            if (!term.Words[i].IsPrefix && i < term.Words.Count - 1) continue;
            var pattern = string.Join(' ', words);
            segments.Add(new TermMatchNode.Segment(PatternId(pattern), term.Words[i].IsPrefix, !TextNormalizer.IsCjk(pattern[^1])));
            words.Clear();
        }
        // A phrase is found through its first segment: indexing that one is enough for the presearcher.
        if (!negated) AddTopic(segments[0].Pattern, topic);
        return new TermMatchNode(term, segments.ToArray());
    }

    private int PatternId(string pattern)
    {
        if (_patternIds.TryGetValue(pattern, out var id)) return id;
        id = _patterns.Count;
        _patternIds.Add(pattern, id);
        _patterns.Add(pattern);
        _topicsOfPattern.Add(new List<int>());
        return id;
    }

    private void AddTopic(int pattern, int topic)
    {
        var topics = _topicsOfPattern[pattern];
        if (topics.Count == 0 || topics[^1] != topic) topics.Add(topic);
    }
}
