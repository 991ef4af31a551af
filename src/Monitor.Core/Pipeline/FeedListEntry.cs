using System.Text.Json;

namespace NewsMonitor.Pipeline;

/// <summary>One entry of a feeds file such as seeds/feeds.json.</summary>
public sealed record FeedListEntry(string Url, string? Name = null, string? Language = null, string? Note = null)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
}
