namespace NewsMonitor.Channels;

/// <summary>One story as the chat and e-mail formats show it; plain text throughout, each formatter escapes for its own markup.</summary>
/// <param name="Snippet">The matched text with the hits in [brackets], as in the webhook alert.</param>
/// <param name="Reason">One line saying why the story matched.</param>
public sealed record ChannelAlert(
    string TopicId,
    string TopicName,
    string Title,
    string? Link,
    string Reason,
    string Snippet,
    IReadOnlyList<string> Sources,
    DateTimeOffset? Published,
    DateTimeOffset MatchedAt)
{
    /// <summary>When the story happened, for "newest first": its publication time, else when it matched.</summary>
    public DateTimeOffset SortTime => Published ?? MatchedAt;
}
