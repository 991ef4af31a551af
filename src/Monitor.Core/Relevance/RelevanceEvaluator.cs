using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Relevance;

/// <summary>
/// Scores topics on labelled examples with the matcher the service uses (<see cref="TopicMatcher"/>): precision,
/// recall and F1 per topic and their macro averages, every false positive with the terms that hit, every false
/// negative with the part of the query that failed.
/// </summary>
public static class RelevanceEvaluator
{
    /// <exception cref="TopicsFileException">A topic's query is invalid.</exception>
    public static EvaluationReport Evaluate(IReadOnlyList<Topic> topics, IReadOnlyList<LabelledExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(examples);
        var matcher = TopicMatcher.Compile(topics);
        var probes = new QueryProbe?[topics.Count];
        var counts = new (int Tp, int Fp, int Fn)[topics.Count];
        var mistakes = topics.Select(_ => new List<Mistake>()).ToArray();
        foreach (var example in examples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var matches = matcher.Match(example.ToNewsItem()).ToDictionary(m => m.TopicId, StringComparer.Ordinal);
            for (var t = 0; t < topics.Count; t++)
            {
                var predicted = matches.TryGetValue(topics[t].Id, out var match);
                var expected = example.HasLabel(topics[t].Id);
                if (predicted && expected) counts[t].Tp++;
                else if (predicted)
                {
                    counts[t].Fp++;
                    mistakes[t].Add(new Mistake(Mistake.FalsePositive, example.Id, example.Language, example.Title, match!.Terms, match.Snippet, []));
                }
                else if (expected)
                {
                    counts[t].Fn++;
                    var probe = probes[t] ??= new QueryProbe(Parse(topics[t]));
                    var loaded = probe.Load(example.ToNewsItem());
                    mistakes[t].Add(new Mistake(Mistake.FalseNegative, example.Id, example.Language, example.Title, [], null, MissExplainer.WhyNot(loaded, probe.Query.Root)));
                }
            }
        }

        var scores = topics.Select((topic, t) => TopicScore.From(topic.Id, counts[t].Tp, counts[t].Fp, counts[t].Fn, mistakes[t])).ToArray();
        var known = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = examples.SelectMany(e => e.Labels).Where(l => !known.Contains(l)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new EvaluationReport(
            examples.Count,
            scores,
            scores.Length == 0 ? 0 : scores.Average(s => s.Precision),
            scores.Length == 0 ? 0 : scores.Average(s => s.Recall),
            scores.Length == 0 ? 0 : scores.Average(s => s.F1),
            unknown);
    }

    /// <summary>The parsed query of a topic (cached per topic instance), with its term lists.</summary>
    internal static TopicQuery Parse(Topic topic) =>
        ParsedQueries.TryParse(topic, out var query, out var error)
            ? query
            : throw new TopicsFileException($"topic '{topic.Id}': invalid query: {error.Message}", topic.Id, error);
}
