using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// The baseline: what one writes first. Normalise the item, then for every topic check each of its
/// positive terms with string.Contains. (It ignores operators and word boundaries, so it does less
/// than the real matcher, which only makes the comparison kinder to it.)
/// </summary>
public sealed class NaiveContainsMatcher
{
    private readonly (string Id, string[] Terms)[] _topics;

    public NaiveContainsMatcher(IEnumerable<Topic> topics) =>
        _topics = topics
            .Select(t => (t.Id, TopicQuery.Parse(t.Query).PositiveTerms.Select(term => string.Join(' ', term.Words.Select(w => w.Text))).ToArray()))
            .ToArray();

    public int Match(NewsItem item)
    {
        var text = TextNormalizer.Normalize(item.Title) + "\n" + TextNormalizer.Normalize(item.Summary);
        var matched = 0;
        foreach (var (_, terms) in _topics)
        {
            foreach (var term in terms)
            {
                if (!text.Contains(term, StringComparison.Ordinal)) continue;
                matched++;
                break;
            }
        }
        return matched;
    }
}
