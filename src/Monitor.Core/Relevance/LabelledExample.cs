using System.Text.Json.Serialization;
using NewsMonitor.Feeds;

namespace NewsMonitor.Relevance;

/// <summary>
/// A news item with the topics a careful reader files it under: one line of a labels file
/// (<c>{"id", "title", "summary", "language"?, "labels": [topic ids]}</c>) or a user's feedback on a match.
/// </summary>
public sealed record LabelledExample
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("summary")] public string Summary { get; init; } = "";
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("labels")] public IReadOnlyList<string> Labels { get; init; } = [];

    public bool HasLabel(string topicId) => Labels.Contains(topicId, StringComparer.Ordinal);

    public NewsItem ToNewsItem() => new() { Feed = "labelled", Id = Id, Title = Title, Summary = Summary };
}
