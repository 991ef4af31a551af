using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Relevance;

/// <summary>
/// One topic query compiled so that every node of it can be asked about separately — does it match this item, where,
/// which terms — to explain why an item was or was not matched. Uses the matcher's own compiled nodes and term index,
/// so its answers are the matcher's. Not for the hot path: it evaluates nodes one by one.
/// </summary>
internal sealed class QueryProbe
{
    private readonly Dictionary<QueryNode, MatchNode> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly TermIndex _index;

    public QueryProbe(TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query = query;
        var compiler = new QueryCompiler { OnCompiled = (node, compiled) => _compiled[node] = compiled };
        compiler.Compile(query, 0);
        _index = new TermIndex(compiler.Patterns, compiler.TopicsOfPattern()) { TopicCount = 1 };
    }

    public TopicQuery Query { get; }

    /// <summary>Loads an item; the questions below are about it until the next call (on this thread).</summary>
    public Loaded Load(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var scratch = MatchScratch.ForCurrentThread();
        scratch.Begin(_index, item.Title, item.Summary);
        _index.Search(scratch.Chars, scratch);
        return new Loaded(this, scratch);
    }

    /// <summary>Answers about one loaded item.</summary>
    internal readonly struct Loaded(QueryProbe probe, MatchScratch scratch)
    {
        public bool Matches(QueryNode node) => probe._compiled[node].Matches(scratch);

        /// <summary>The distinct terms (as written) whose occurrences make <paramref name="node"/> match, in text order.</summary>
        public IReadOnlyList<string> TermsHit(QueryNode node)
        {
            var hits = new List<(TermMatchNode Term, Occurrence At)>();
            var compiled = probe._compiled[node];
            if (compiled is NotMatchNode) return [];
            compiled.CollectHits(scratch, hits);
            return hits.OrderBy(h => h.At.Start).Select(h => h.Term.Term.Text).Distinct(StringComparer.Ordinal).ToArray();
        }

        /// <summary>Every term under <paramref name="node"/> that occurs in the item, matched or not (what an exclusion found).</summary>
        public IReadOnlyList<string> TermsPresent(QueryNode node)
        {
            var found = new List<string>();
            foreach (var term in Terms(node))
            {
                if (probe._compiled[term].Matches(scratch) && !found.Contains(term.Text)) found.Add(term.Text);
            }
            return found;
        }

        /// <summary>The fewest words between an occurrence of each side of a NEAR, or null if a side does not occur.</summary>
        public int? WordsApart(NearNode near)
        {
            var lefts = new List<Occurrence>();
            var rights = new List<Occurrence>();
            probe._compiled[near.Left].AddOccurrences(scratch, lefts);
            probe._compiled[near.Right].AddOccurrences(scratch, rights);
            if (lefts.Count == 0 || rights.Count == 0) return null;
            var best = int.MaxValue;
            foreach (var l in lefts)
            {
                foreach (var r in rights)
                {
                    var (first, second) = l.Start <= r.Start ? (l, r) : (r, l);
                    var between = scratch.WordsBetween(first.End, second.Start, Math.Min(best, 10_000));
                    best = Math.Min(best, Math.Max(0, between));
                }
            }
            return best;
        }
    }

    /// <summary>The term nodes under a node, in query order.</summary>
    public static IEnumerable<TermNode> Terms(QueryNode node) => node switch
    {
        TermNode term => [term],
        AndNode and => and.Children.SelectMany(Terms),
        OrNode or => or.Children.SelectMany(Terms),
        NotNode not => Terms(not.Child),
        NearNode near => Terms(near.Left).Concat(Terms(near.Right)),
        _ => [],
    };
}
