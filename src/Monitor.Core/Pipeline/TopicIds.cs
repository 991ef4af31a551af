using System.Text.RegularExpressions;

namespace NewsMonitor.Pipeline;

/// <summary>Topic ids: lower-case letters, digits and dashes, as in seeds/topics.json; safe in blob names and routes.</summary>
public static partial class TopicIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}
