using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMonitor.Scanning;

/// <summary>
/// The two output forms of a scan hit. The JSON line is a contract (users' scripts and acceptance checks
/// read it): <c>topic</c>, <c>feed</c>, <c>itemId</c>, <c>title</c>, <c>link</c>, <c>terms</c> are always there.
/// </summary>
public static class ScanHitFormat
{
    private static readonly JsonSerializerOptions JsonLine = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ToJsonLine(ScanHit hit) => JsonSerializer.Serialize(new
    {
        topic = hit.Match.TopicId,
        topicName = hit.Match.TopicName,
        feed = hit.Item.Feed,
        itemId = hit.Item.Id,
        title = hit.Item.Title,
        link = hit.Item.Link,
        published = hit.Item.Published,
        terms = hit.Match.Terms,
        hits = hit.Match.Hits.Select(h => new { term = h.Term, field = h.Field }),
        snippet = hit.Match.Snippet,
    }, JsonLine);

    public static string ToText(ScanHit hit)
    {
        var hits = string.Join(", ", hit.Match.Hits.Select(h => $"\"{h.Term}\" in {h.Field}"));
        return $"[{hit.Match.TopicId}] {hit.Item.Title}{Environment.NewLine}" +
               $"    {hit.Item.Link ?? hit.Item.Id}{Environment.NewLine}" +
               $"    why: {hits}{Environment.NewLine}" +
               $"    {hit.Match.Snippet}";
    }
}
