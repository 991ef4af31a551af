using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace NewsMonitor.Scanning;

/// <summary>
/// The two output forms of a scan hit. The JSON line is a contract (users' scripts and acceptance checks
/// read it): <c>topic</c>, <c>feed</c>, <c>itemId</c>, <c>title</c>, <c>link</c>, <c>terms</c> are always there.
/// </summary>
public static class ScanHitFormat
{
    internal static readonly JsonWriterOptions JsonLine = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonEncodedText TopicProperty = JsonEncodedText.Encode("topic"),
        TopicNameProperty = JsonEncodedText.Encode("topicName"),
        FeedProperty = JsonEncodedText.Encode("feed"),
        ItemIdProperty = JsonEncodedText.Encode("itemId"),
        TitleProperty = JsonEncodedText.Encode("title"),
        LinkProperty = JsonEncodedText.Encode("link"),
        PublishedProperty = JsonEncodedText.Encode("published"),
        TermsProperty = JsonEncodedText.Encode("terms"),
        HitsProperty = JsonEncodedText.Encode("hits"),
        TermProperty = JsonEncodedText.Encode("term"),
        FieldProperty = JsonEncodedText.Encode("field"),
        SnippetProperty = JsonEncodedText.Encode("snippet");

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>
    /// One hit as one line of JSON (no line break). Written field by field with a <see cref="Utf8JsonWriter"/>
    /// rather than by serialising an object: a scan that matches many topics prints hundreds of thousands of lines,
    /// and the reflection-based serialiser took about 40% longer over them than this writer. A scan that prints to
    /// a stream uses <see cref="ScanHitJsonLines"/>, which writes the same bytes without the string in between.
    /// </summary>
    public static string ToJsonLine(ScanHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, JsonLine))
        {
            WriteJson(json, hit, ItemJson.Of(hit.Item));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the JSON object of one hit. The item's fields come escaped already in <paramref name="item"/>: every
    /// topic an item matches repeats them, so a caller writing many hits escapes them once per item.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most matches in
    internal static void WriteJson(Utf8JsonWriter json, ScanHit hit, ItemJson item)
    {
        var match = hit.Match;
        json.WriteStartObject();
        json.WriteString(TopicProperty, match.TopicId);
        json.WriteString(TopicNameProperty, match.TopicName);
        json.WriteString(FeedProperty, item.Feed);
        json.WriteString(ItemIdProperty, item.Id);
        json.WriteString(TitleProperty, item.Title);
        if (item.Link is { } link) json.WriteString(LinkProperty, link);
        else json.WriteNull(LinkProperty);
        if (item.Published is { } published) json.WriteString(PublishedProperty, published);
        else json.WriteNull(PublishedProperty);
        json.WriteStartArray(TermsProperty);
        WriteDistinctTerms(json, match.Hits);
        json.WriteEndArray();
        json.WriteStartArray(HitsProperty);
        var hits = match.Hits;
        for (var i = 0; i < hits.Count; i++) // not foreach: an array behind IReadOnlyList allocates its enumerator
        {
            var h = hits[i];
            json.WriteStartObject();
            json.WriteString(TermProperty, h.Term);
            json.WriteString(FieldProperty, h.Field);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString(SnippetProperty, match.Snippet);
        json.WriteEndObject();
    }

    /// <summary>What <see cref="Matching.TopicMatch.Terms"/> lists, without the array it builds.</summary>
    private static void WriteDistinctTerms(Utf8JsonWriter json, IReadOnlyList<Matching.TermHit> hits)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            if (Matching.TopicMatch.IsFirstOfItsTerm(hits, i)) json.WriteStringValue(hits[i].Term);
        }
    }

    public static string ToText(ScanHit hit)
    {
        var hits = string.Join(", ", hit.Match.Hits.Select(h => $"\"{h.Term}\" in {h.Field}"));
        return $"[{hit.Match.TopicId}] {hit.Item.Title}{Environment.NewLine}" +
               $"    {hit.Item.Link ?? hit.Item.Id}{Environment.NewLine}" +
               $"    why: {hits}{Environment.NewLine}" +
               $"    {hit.Match.Snippet}";
    }
}
