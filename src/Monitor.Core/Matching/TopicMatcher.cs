using System.Runtime.CompilerServices;
using NewsMonitor.Feeds;
using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// All topics compiled once: one index finds every topic's terms in a single pass over an item, then
/// only the topics whose terms were seen are evaluated (the presearcher idea of Lucene Monitor and the
/// Elasticsearch percolator). Immutable and thread-safe; to change topics, compile a new matcher
/// (see <see cref="LiveTopicMatcher"/>).
/// </summary>
public sealed class TopicMatcher
{
    private readonly Topic[] _topics;
    private readonly MatchNode[] _roots;
    private readonly TermIndex _terms;

    private TopicMatcher(Topic[] topics, MatchNode[] roots, TermIndex terms)
    {
        _topics = topics;
        _roots = roots;
        _terms = terms;
    }

    /// <summary>The topics this matcher was compiled from, in order.</summary>
    public IReadOnlyList<Topic> Topics => _topics;

    /// <summary>Number of distinct term patterns in the index (for diagnostics and benchmarks).</summary>
    public int PatternCount => _terms.PatternCount;

    public static TopicMatcher Empty { get; } = Compile([]);

    /// <exception cref="TopicsFileException">A topic's query is invalid (the message names the topic).</exception>
    public static TopicMatcher Compile(IReadOnlyList<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var compiler = new QueryCompiler();
        var roots = new MatchNode[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            if (!ParsedQueries.TryParse(topics[i], out var query, out var error))
                throw new TopicsFileException($"topic '{topics[i].Id}': invalid query: {error.Message}", topics[i].Id, error);
            roots[i] = compiler.Compile(query, i);
        }
        return new TopicMatcher(topics.ToArray(), roots, new TermIndex(compiler.Patterns, compiler.TopicsOfPattern()) { TopicCount = topics.Count });
    }

    /// <summary>The topics the item matches, each once, in topic order, with the terms found and a snippet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public IReadOnlyList<TopicMatch> Match(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_topics.Length == 0) return [];
        var scratch = MatchScratch.ForCurrentThread();
        scratch.Begin(_terms, item.Title, item.Summary);
        _terms.Search(scratch.Chars, scratch);
        if (scratch.Candidates.Count == 0) return [];
        scratch.Candidates.Sort();
        List<TopicMatch>? matches = null;
        ExplainScratch? explain = null;
        foreach (var topic in scratch.Candidates)
        {
            if (!_roots[topic].Matches(scratch)) continue;
            explain ??= ExplainScratch.ForCurrentThread().BeginItem();
            (matches ??= new()).Add(Explain(topic, scratch, explain));
        }
        return matches is null ? [] : matches;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    private TopicMatch Explain(int topic, MatchScratch scratch, ExplainScratch explain)
    {
        explain.Clear();
        var found = explain.Found;
        _roots[topic].CollectHits(scratch, found);
        found.Sort((a, b) => a.At.Start.CompareTo(b.At.Start));
        var hits = explain.Hits;
        foreach (var (term, at) in found)
        {
            var hit = new TermHit(term.Term.Text, at.Start < scratch.TitleLength ? TermHit.TitleField : TermHit.SummaryField);
            if (!hits.Contains(hit)) hits.Add(hit);
        }
        return new TopicMatch(_topics[topic].Id, _topics[topic].Name, hits.ToArray(), Snippet.Build(scratch, explain));
    }
}
