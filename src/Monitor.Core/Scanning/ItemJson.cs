using System.Text.Json;
using NewsMonitor.Feeds;

namespace NewsMonitor.Scanning;

/// <summary>The fields of an item that every JSON line of its hits repeats, escaped for <see cref="ScanHitFormat.JsonLine"/>.</summary>
internal sealed record ItemJson(JsonEncodedText Feed, JsonEncodedText Id, JsonEncodedText Title, JsonEncodedText? Link, DateTimeOffset? Published)
{
    public static ItemJson Of(NewsItem item)
    {
        var encoder = ScanHitFormat.JsonLine.Encoder;
        return new ItemJson(
            JsonEncodedText.Encode(item.Feed, encoder),
            JsonEncodedText.Encode(item.Id, encoder),
            JsonEncodedText.Encode(item.Title, encoder),
            item.Link is null ? null : JsonEncodedText.Encode(item.Link, encoder),
            item.Published);
    }
}
