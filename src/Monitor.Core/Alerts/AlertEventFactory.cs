using System.Text.Json;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Alerts;

/// <summary>Builds the alert for one match of one item, and writes it as the exact bytes that are signed and sent.</summary>
public static class AlertEventFactory
{
    /// <summary>Long enough to tell what the story is about, short enough to keep alerts small (the spec suggests well under 20 kB).</summary>
    public const int MaxSummaryLength = 500;

    /// <param name="alertId">Stable per (subscription, story); becomes the CloudEvent id and the webhook-id.</param>
    /// <param name="match">The topic match, with its hits and snippet.</param>
    /// <param name="item">The matched item.</param>
    /// <param name="time">When the match happened (the event's time, unchanged by retries).</param>
    /// <param name="extraSources">Other feeds that carried the same story; the item's own feed is always listed first.</param>
    /// <param name="allMatches">Every topic the story matched (with or without <paramref name="match"/>), for <c>data.topics</c>.</param>
    /// <param name="describeFeed">The name and language of a feed, where known.</param>
    public static AlertEvent Create(string alertId, TopicMatch match, NewsItem item, DateTimeOffset time, IEnumerable<string>? extraSources = null,
        IEnumerable<TopicMatch>? allMatches = null, Func<string, FeedDescription?>? describeFeed = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(item);
        if (!WebhookSigner.IsValidId(alertId))
            throw new ArgumentException(WebhookSigner.IdRule, nameof(alertId));

        var sources = new[] { item.Feed }.Concat(extraSources ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var feeds = sources.ToDictionary(s => s, s => describeFeed?.Invoke(s), StringComparer.Ordinal);
        var topics = new[] { match }.Concat(allMatches ?? []).DistinctBy(m => m.TopicId, StringComparer.Ordinal)
            .Select(m => new AlertTopicMatch(m.TopicId, m.TopicName, AlertWhy.Sentence(m))).ToArray();
        var summary = string.IsNullOrWhiteSpace(item.Summary) ? null : HtmlText.Shorten(HtmlText.ToPlainText(item.Summary), MaxSummaryLength);
        return new AlertEvent
        {
            Id = alertId,
            Source = "/newsmonitor/topics/" + Uri.EscapeDataString(match.TopicId),
            Time = time.ToUniversalTime(),
            Subject = string.IsNullOrEmpty(item.Link) ? item.Id : item.Link,
            Data = new AlertData
            {
                Topic = new AlertTopic(match.TopicId, match.TopicName),
                Why = topics[0].Why,
                Topics = topics,
                Item = new AlertItem
                {
                    Id = item.Id,
                    Title = HtmlText.ToPlainText(item.Title),
                    Link = item.Link,
                    CanonicalLink = Feeds.StoryKey.CanonicalLink(item.Link),
                    Published = item.Published?.ToUniversalTime(),
                    Feed = item.Feed,
                    FeedName = feeds[item.Feed]?.Name,
                    Language = feeds[item.Feed]?.Language,
                    Summary = string.IsNullOrEmpty(summary) ? null : summary,
                },
                Terms = match.Terms,
                Hits = match.Hits.Select(h => new AlertHit(h.Term, h.Field)).ToArray(),
                Snippet = match.Snippet,
                Sources = sources,
                SourceFeeds = sources.Select(s => new AlertSource(s, feeds[s]?.Name)).ToArray(),
            },
        };
    }

    /// <summary>The UTF-8 JSON body: these bytes are both signed and sent, never re-serialised in between.</summary>
    public static byte[] Serialize(AlertEvent alert) => JsonSerializer.SerializeToUtf8Bytes(alert, AlertJsonContext.Default.AlertEvent);

    public static AlertEvent Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, AlertJsonContext.Default.AlertEvent)
        ?? throw new JsonException("An alert body was the JSON literal null.");
}
