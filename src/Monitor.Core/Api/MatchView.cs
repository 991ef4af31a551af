using NewsMonitor.Matches;
using NewsMonitor.Matching;

namespace NewsMonitor.Api;

/// <summary>A stored match as <c>GET /api/matches</c> shows it: its id (for <c>POST /api/matches/{id}/feedback</c>), the story, why it matched, and every feed that carried it.</summary>
public sealed record MatchView(
    string Id,
    string Topic,
    string TopicName,
    string StoryKey,
    MatchItemView Item,
    IReadOnlyList<string> Terms,
    IReadOnlyList<TermHit> Hits,
    string Snippet,
    IReadOnlyList<string> Sources,
    DateTimeOffset MatchedAt)
{
    public static MatchView From(StoredMatch m) => new(Relevance.MatchIds.Format(m.TopicId, m.StoryKey), m.TopicId, m.TopicName, m.StoryKey,
        new MatchItemView(m.Item.Id, m.Item.Title, m.Item.Link, m.Item.Published, m.Item.Feed),
        m.Terms, m.Hits, m.Snippet, m.Sources, m.MatchedAt);
}

public sealed record MatchItemView(string Id, string Title, string? Link, DateTimeOffset? Published, string Feed);
