using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Matches;

/// <summary>
/// A story that matched a topic, with the explanation. Created once per (topic, story) with a create-if-absent
/// write; <see cref="Sources"/> grows when the same story arrives through another feed.
/// <see cref="AlertsPlanned"/> is the outbox flag: until it is set, a later cycle finishes planning the alerts.
/// </summary>
public sealed record StoredMatch
{
    public required string TopicId { get; init; }
    public required string TopicName { get; init; }
    public required string StoryKey { get; init; }
    public required NewsItem Item { get; init; }
    public required IReadOnlyList<TermHit> Hits { get; init; }
    public required string Snippet { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required DateTimeOffset MatchedAt { get; init; }
    public bool AlertsPlanned { get; init; }

    /// <summary>Every topic the story matched when it was first seen (this one included), for the alert's <c>topics</c>.</summary>
    public IReadOnlyList<TopicMatch>? AllMatches { get; init; }

    public IReadOnlyList<string> Terms => Hits.Select(h => h.Term).Distinct(StringComparer.Ordinal).ToArray();

    public TopicMatch ToTopicMatch() => new(TopicId, TopicName, Hits, Snippet);
}
