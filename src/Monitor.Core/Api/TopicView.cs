using NewsMonitor.Topics;

namespace NewsMonitor.Api;

/// <summary>A topic as the API shows it; <c>source</c> is "file" (seeds, read-only) or "custom" (created through the API).</summary>
public sealed record TopicView(string Id, string Name, string Query, string? Description, IReadOnlyList<string>? Languages, string Source)
{
    public static TopicView From(Topic topic, bool fromFile) =>
        new(topic.Id, topic.Name, topic.Query, topic.Description, topic.Languages, fromFile ? "file" : "custom");
}
