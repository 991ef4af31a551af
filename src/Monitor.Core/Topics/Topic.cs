using System.Text.Json.Serialization;

namespace NewsMonitor.Topics;

/// <summary>A watch topic: what users subscribe to. <see cref="Query"/> is written in the topic query language.</summary>
public sealed record Topic
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("query")] public required string Query { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>The term lists <c>@name</c> in <see cref="Query"/> refers to: those of the topics file it came from or is used beside.</summary>
    [JsonIgnore] public TermLists? Lists { get; init; }
}
