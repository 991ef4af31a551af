using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NewsMonitor.Alerts;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Alerts;

/// <summary>
/// What an alert tells a person: the sentence why, every topic the story matched, the feeds' names, the language, the
/// canonical link, and a snippet without stray spaces where inline tags were; and its data fits the published schema.
/// </summary>
public class AlertForAPersonTests
{
    private static readonly NewsItem Item = new()
    {
        Feed = "https://news.example/world.rss",
        Id = "urn:story:7",
        Title = "Shikotan ferry resumes",
        Link = "https://news.example/story/7?utm_source=rss&id=7#comments",
        Summary = "Both sides discussed a <b>peace treaty</b>, formally ending the war, and the <a href=\"/x\">Habomai</a> islands.",
        Published = new DateTimeOffset(2026, 11, 30, 5, 58, 0, TimeSpan.Zero),
    };

    private static IReadOnlyList<TopicMatch> MatchAll() => TopicMatcher.Compile(
    [
        new Topic { Id = "shikotan", Name = "Shikotan island", Query = "shikotan" },
        new Topic { Id = "peace-treaty", Name = "Peace treaty", Query = "\"peace treaty\" OR habomai" },
        new Topic { Id = "unrelated", Name = "Bread", Query = "bakery" },
    ]).Match(Item);

    [Fact]
    public void TheSentenceSaysWhichTermsWereFoundInWhichField()
    {
        Assert.Equal("Matched Shikotan island: \"shikotan\" in the title",
            AlertWhy.Sentence("Shikotan island", [new TermHit("shikotan", "title")]));
        Assert.Equal("Matched Peace treaty: \"peace treaty\" and \"japan\" in the title and \"russia\" in the summary",
            AlertWhy.Sentence("Peace treaty", [new TermHit("peace treaty", "title"), new TermHit("japan", "title"), new TermHit("russia", "summary"), new TermHit("japan", "title")]));
        Assert.Equal("Matched Kurils: \"a\", \"b\" and \"c\" in the summary",
            AlertWhy.Sentence("Kurils", [new TermHit("a", "summary"), new TermHit("b", "summary"), new TermHit("c", "summary")]));
    }

    [Fact]
    public void TheAlertCarriesWhyEveryMatchedTopicFeedNamesLanguageAndTheCanonicalLink()
    {
        var matches = MatchAll();
        var shikotan = Assert.Single(matches, m => m.TopicId == "shikotan");

        var alert = AlertEventFactory.Create("alert_7", shikotan, Item, Item.Published!.Value, ["https://other.example/feed"], matches,
            feed => feed == Item.Feed ? new FeedDescription("World news", "en") : null);

        Assert.Equal("Matched Shikotan island: \"shikotan\" in the title", alert.Data.Why);
        Assert.Equal(["shikotan", "peace-treaty"], alert.Data.Topics!.Select(t => t.Id));
        Assert.Contains("\"peace treaty\"", alert.Data.Topics![1].Why);
        Assert.Equal("https://news.example/story/7?id=7", alert.Data.Item.CanonicalLink);
        Assert.Equal(Item.Link, alert.Data.Item.Link);
        Assert.Equal("World news", alert.Data.Item.FeedName);
        Assert.Equal("en", alert.Data.Item.Language);
        Assert.Equal([new AlertSource(Item.Feed, "World news"), new AlertSource("https://other.example/feed", null)], alert.Data.SourceFeeds);
    }

    [Fact]
    public void InlineTagsLeaveNoStraySpacesInSnippetsOrSummaries()
    {
        var treaty = Assert.Single(MatchAll(), m => m.TopicId == "peace-treaty");

        Assert.Contains("[peace treaty], formally", treaty.Snippet);
        Assert.Contains("the [Habomai] islands", treaty.Snippet);
        var alert = AlertEventFactory.Create("alert_7", treaty, Item, Item.Published!.Value);
        Assert.Contains("a peace treaty, formally ending", alert.Data.Item.Summary);
    }

    [Fact]
    public void TheDataOfARealAlertFitsThePublishedSchema()
    {
        var matches = MatchAll();
        var alert = AlertEventFactory.Create("alert_7", matches[0], Item, Item.Published!.Value, ["https://other.example/feed"], matches,
            _ => new FeedDescription("World news", "en"));
        var data = JsonNode.Parse(AlertEventFactory.Serialize(alert))!["data"];

        var schema = JsonSchema.FromText(AlertDataSchema.Json);
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(data), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, JsonSerializer.Serialize(result.Details?.Where(d => d.Errors is { Count: > 0 }).Select(d => d.Errors)));
        // The schema is strict enough to notice a wrong field: a numeric title fails.
        data!["item"]!["title"] = 42;
        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(data)).IsValid);
    }
}
