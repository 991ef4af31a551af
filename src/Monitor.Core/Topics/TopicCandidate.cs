using System.Text.Json.Serialization;

namespace NewsMonitor.Topics;

/// <summary>A topic proposed by <see cref="TopicDeriver"/>: a phrase from the article, how strongly it characterises it, and a query to start from.</summary>
public sealed record TopicCandidate
{
    public const string NameKind = "name";
    public const string KeyphraseKind = "keyphrase";
    public const string PersonKind = "person";

    /// <summary>The phrase as written in the article ("Habomai", "peace treaty").</summary>
    [JsonPropertyName("phrase")] public required string Phrase { get; init; }

    /// <summary>Higher is more characteristic; comparable within one derivation only.</summary>
    [JsonPropertyName("score")] public required double Score { get; init; }

    /// <summary>A query in the topic query language that finds the phrase and its inflections.</summary>
    [JsonPropertyName("suggestedQuery")] public required string SuggestedQuery { get; init; }

    /// <summary>"name" (an entity-like capitalised name), "person" (a name the article gives a title or quotes) or "keyphrase" (a content phrase).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>A topic id derived from the phrase (lower case, hyphens), valid for a topics file.</summary>
    [JsonPropertyName("suggestedId")] public required string SuggestedId { get; init; }

    /// <summary>How often the phrase occurs in the article, counted on normalised text (so "Peace Treaty" counts for "peace treaty").</summary>
    [JsonPropertyName("occurrences")] public required int Occurrences { get; init; }

    /// <summary>For a phrase of everyday words: the proposed context list it should be near (see <see cref="TopicDerivation.Lists"/>).</summary>
    [JsonPropertyName("context")] public string? Context { get; init; }

    /// <summary>The suggested query with that context required, e.g. <c>"peace treat*" NEAR/20 @japan_russia</c>.</summary>
    [JsonPropertyName("contextQuery")] public string? ContextQuery { get; init; }
}
