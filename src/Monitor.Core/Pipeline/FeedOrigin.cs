using System.Text.Json.Serialization;

namespace NewsMonitor.Pipeline;

/// <summary>Where a feed of the list comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedOrigin>))]
public enum FeedOrigin
{
    /// <summary>The feeds file (<c>Monitor:FeedsFile</c>, seeds/feeds.json by default).</summary>
    [JsonStringEnumMemberName("file")] File,

    /// <summary>A <c>Monitor:FeedUrls</c> setting or <c>monitor run --feed</c>.</summary>
    [JsonStringEnumMemberName("setting")] Setting,

    /// <summary>Added at run time through <c>POST /api/feeds</c>.</summary>
    [JsonStringEnumMemberName("api")] Api,
}
