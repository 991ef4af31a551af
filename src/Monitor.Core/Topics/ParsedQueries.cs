using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NewsMonitor.Topics;

/// <summary>
/// Remembers the parsed query of each <see cref="Topic"/> instance (topics are immutable), so a topics file
/// validated on load is not parsed a second time when the matcher is compiled — at 10,000 topics that is
/// a noticeable part of start-up.
/// </summary>
internal static class ParsedQueries
{
    private static readonly ConditionalWeakTable<Topic, TopicQuery> Cache = new();

    public static bool TryParse(Topic topic, [NotNullWhen(true)] out TopicQuery? query, [NotNullWhen(false)] out QueryParseException? error)
    {
        if (Cache.TryGetValue(topic, out query))
        {
            error = null;
            return true;
        }
        if (!TopicQuery.TryParse(topic.Query, topic.Lists, out query, out error)) return false;
        Cache.AddOrUpdate(topic, query);
        return true;
    }
}
