using System.Diagnostics.CodeAnalysis;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Relevance;

/// <summary>
/// The id of a stored match in the API: <c>{topicId}.{storyKey}</c>. A match is stored once per (topic, story), so
/// the pair names it; topic ids have no '.', story keys are 32 hex digits.
/// </summary>
public static class MatchIds
{
    public static string Format(string topicId, string storyKey) => $"{topicId}.{storyKey}";

    public static bool TryParse(string? id, [NotNullWhen(true)] out string? topicId, [NotNullWhen(true)] out string? storyKey)
    {
        topicId = storyKey = null;
        var dot = id?.LastIndexOf('.') ?? -1;
        if (dot <= 0) return false;
        var topic = id![..dot];
        var story = id[(dot + 1)..];
        if (!TopicIds.IsValid(topic) || story.Length != 32 || !story.All(char.IsAsciiHexDigitLower)) return false;
        (topicId, storyKey) = (topic, story);
        return true;
    }
}
