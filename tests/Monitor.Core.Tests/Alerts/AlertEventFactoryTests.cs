using System.Text.Json;
using NewsMonitor.Alerts;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Alerts;

public class AlertEventFactoryTests
{
    private static readonly DateTimeOffset MatchedAt = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static readonly NewsItem Item = new()
    {
        Feed = "https://news.example/world.rss",
        Id = "urn:story:42",
        Title = "Japan &amp; Russia resume talks",
        Link = "https://news.example/story/42",
        Summary = "<p>Talks on the <b>Habomai</b> islands&nbsp;and   Shikotan.</p><script>track()</script>",
        Published = new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.FromHours(9)),
    };

    private static readonly TopicMatch Match = new(
        "habomai", "Habomai islands",
        [new TermHit("habomai", "summary"), new TermHit("shikotan", "summary"), new TermHit("habomai", "title")],
        "Talks on the «Habomai» islands");

    [Fact]
    public void The_json_is_a_structured_cloudevent_with_every_required_attribute()
    {
        var alert = AlertEventFactory.Create("alert_abc", Match, Item, MatchedAt, ["https://other.example/feed"]);

        using var json = JsonDocument.Parse(AlertEventFactory.Serialize(alert));
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("alert_abc", root.GetProperty("id").GetString());
        Assert.Equal("/newsmonitor/topics/habomai", root.GetProperty("source").GetString());
        Assert.Equal("newsmonitor.match", root.GetProperty("type").GetString());
        Assert.Equal(MatchedAt, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("https://news.example/story/42", root.GetProperty("subject").GetString());

        var data = root.GetProperty("data");
        Assert.Equal("habomai", data.GetProperty("topic").GetProperty("id").GetString());
        Assert.Equal("Habomai islands", data.GetProperty("topic").GetProperty("name").GetString());
        var item = data.GetProperty("item");
        Assert.Equal("urn:story:42", item.GetProperty("id").GetString());
        Assert.Equal("Japan & Russia resume talks", item.GetProperty("title").GetString());
        Assert.Equal("https://news.example/story/42", item.GetProperty("link").GetString());
        Assert.Equal(Item.Published, item.GetProperty("published").GetDateTimeOffset());
        Assert.Equal(Item.Feed, item.GetProperty("feed").GetString());
        Assert.Equal("Talks on the Habomai islands and Shikotan.", item.GetProperty("summary").GetString());
        Assert.Equal(["habomai", "shikotan"], data.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("title", data.GetProperty("hits")[2].GetProperty("field").GetString());
        Assert.Equal("shikotan", data.GetProperty("hits")[1].GetProperty("term").GetString());
        Assert.Equal("Talks on the «Habomai» islands", data.GetProperty("snippet").GetString());
        Assert.Equal([Item.Feed, "https://other.example/feed"], data.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void The_id_is_the_callers_and_stays_the_same_for_the_same_alert()
    {
        var first = AlertEventFactory.Create("alert_abc", Match, Item, MatchedAt);
        var again = AlertEventFactory.Create("alert_abc", Match, Item, MatchedAt.AddHours(3));

        Assert.Equal("alert_abc", first.Id);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public void It_reads_back_into_the_typed_model()
    {
        var alert = AlertEventFactory.Create("alert_abc", Match, Item, MatchedAt, [Item.Feed, "https://other.example/feed"]);

        var read = AlertEventFactory.Deserialize(AlertEventFactory.Serialize(alert));

        Assert.Equal(alert.Id, read.Id);
        Assert.Equal(alert.Time, read.Time);
        Assert.Equal(alert.Data.Item, read.Data.Item);
        Assert.Equal(alert.Data.Topic, read.Data.Topic);
        Assert.Equal(alert.Data.Hits, read.Data.Hits);
        Assert.Equal(alert.Data.Terms, read.Data.Terms);
        Assert.Equal([Item.Feed, "https://other.example/feed"], read.Data.Sources);
    }

    [Fact]
    public void Without_a_link_the_subject_is_the_item_id_and_absent_fields_are_left_out()
    {
        var alert = AlertEventFactory.Create("alert_abc", Match, Item with { Link = null, Summary = "  ", Published = null }, MatchedAt);

        using var json = JsonDocument.Parse(AlertEventFactory.Serialize(alert));
        Assert.Equal("urn:story:42", json.RootElement.GetProperty("subject").GetString());
        var item = json.RootElement.GetProperty("data").GetProperty("item");
        Assert.False(item.TryGetProperty("link", out _));
        Assert.False(item.TryGetProperty("summary", out _));
        Assert.False(item.TryGetProperty("published", out _));
    }

    [Fact]
    public void A_long_summary_is_cut_at_a_word_and_marked()
    {
        var words = string.Join(' ', Enumerable.Repeat("Kurils", 200));

        var summary = AlertEventFactory.Create("alert_abc", Match, Item with { Summary = words }, MatchedAt).Data.Item.Summary!;

        Assert.True(summary.Length <= AlertEventFactory.MaxSummaryLength, $"{summary.Length} characters");
        Assert.EndsWith("Kurils…", summary);
    }

    [Fact]
    public void Escaped_markup_stays_visible_text()
    {
        var alert = AlertEventFactory.Create("alert_abc", Match, Item with { Summary = "a &lt;b&gt; tag" }, MatchedAt);

        Assert.Equal("a <b> tag", alert.Data.Item.Summary);
    }

    [Fact]
    public void The_topic_id_is_escaped_in_the_source()
    {
        var alert = AlertEventFactory.Create("alert_abc", Match with { TopicId = "north/south kurils" }, Item, MatchedAt);

        Assert.Equal("/newsmonitor/topics/north%2Fsouth%20kurils", alert.Source);
    }

    [Theory]
    [InlineData("alert.1")]
    [InlineData("")]
    public void An_id_that_cannot_be_a_webhook_id_is_refused_when_the_alert_is_built(string id)
    {
        Assert.Throws<ArgumentException>(() => AlertEventFactory.Create(id, Match, Item, MatchedAt));
    }
}
