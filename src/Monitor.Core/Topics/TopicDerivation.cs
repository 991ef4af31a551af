using System.Text.Json.Serialization;

namespace NewsMonitor.Topics;

/// <summary>What <see cref="TopicDeriver.DeriveWithContext"/> proposes: candidates, best first, and term lists for a topics file's "lists".</summary>
public sealed record TopicDerivation(
    [property: JsonPropertyName("candidates")] IReadOnlyList<TopicCandidate> Candidates,
    [property: JsonPropertyName("lists")] IReadOnlyDictionary<string, IReadOnlyList<string>> Lists);
