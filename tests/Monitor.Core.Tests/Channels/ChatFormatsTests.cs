using System.Text;
using System.Text.Json;
using NewsMonitor.Channels;
using NewsMonitor.Channels.Discord;
using NewsMonitor.Channels.Slack;
using NewsMonitor.Channels.Teams;

namespace NewsMonitor.Tests.Channels;

/// <summary>Each chat format, for one alert and for digests small and huge, against the platform's documented shape and limits.</summary>
public sealed class ChatFormatsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    public static ChannelAlert Story(int n = 1, string topic = "Shikotan island", string? title = null, int snippetWords = 12) => new(
        topic.ToLowerInvariant().Replace(' ', '-'), topic,
        title ?? $"Shikotan ferry resumes after storm, report {n}",
        $"https://news.example/stories/{n}",
        "Matched “shikotan” in the title.",
        "The [Shikotan] ferry " + string.Join(' ', Enumerable.Repeat("resumed service", snippetWords)),
        ["https://news.example/rss", "https://other.example/feed.xml"],
        Now.AddMinutes(-n),
        Now);

    public static IEnumerable<object[]> Formats() =>
    [
        [new SlackFormat(), (Func<byte[], string?>)ChatPayloadRules.Slack],
        [new TeamsFormat(), (Func<byte[], string?>)ChatPayloadRules.Teams],
        [new DiscordFormat(), (Func<byte[], string?>)ChatPayloadRules.Discord],
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_alert_is_a_valid_message_with_the_title_link_topic_reason_snippet_and_sources(IChatFormat format, Func<byte[], string?> rules)
    {
        var body = format.Alert(Story());
        var text = Encoding.UTF8.GetString(body);

        Assert.Null(rules(body));
        Assert.Contains("Shikotan ferry resumes after storm, report 1", text);
        Assert.Contains("https://news.example/stories/1", text);
        Assert.Contains("Shikotan island", text);
        Assert.Contains("Matched “shikotan” in the title.", text);
        Assert.Contains("news.example", text);
        Assert.Contains("other.example", text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_huge_digest_stays_within_the_limits_and_says_how_many_more(IChatFormat format, Func<byte[], string?> rules)
    {
        var alerts = Enumerable.Range(1, 400).Select(n => Story(n, topic: $"Topic {n % 13}", title: new string('T', 400) + n, snippetWords: 200)).ToArray();

        var body = format.Digest(ChannelDigest.For(alerts, "daily digest"));

        Assert.Null(rules(body));
        Assert.Contains("more", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_small_digest_lists_every_story_grouped_by_topic_newest_first(IChatFormat format, Func<byte[], string?> rules)
    {
        ChannelAlert[] alerts = [Story(3, "Habomai"), Story(1, "Shikotan island"), Story(2, "Habomai")];

        var body = format.Digest(ChannelDigest.For(alerts, "quiet hours"));
        var text = Encoding.UTF8.GetString(body);

        Assert.Null(rules(body));
        Assert.Contains("3 stories (quiet hours)", text);
        var habomai = text.IndexOf("Habomai", StringComparison.Ordinal);
        var shikotan = text.IndexOf("Shikotan island", StringComparison.Ordinal);
        var newer = text.IndexOf("report 2", StringComparison.Ordinal);
        var older = text.IndexOf("report 3", StringComparison.Ordinal);
        Assert.True(habomai < shikotan, "topics in name order");
        Assert.True(habomai < newer && newer < older && older < shikotan, "within a topic, newest first");
    }

    [Fact]
    public void Slack_escapes_feed_text_so_it_cannot_mention_or_link()
    {
        var body = Encoding.UTF8.GetString(new SlackFormat().Alert(Story(title: "<!channel> see <https://evil.example|this> & more")));

        Assert.DoesNotContain("<!channel>", body);
        Assert.Contains("&lt;!channel&gt;", body);
        Assert.Contains("&amp; more", body);
        Assert.Contains("*Shikotan*", body); // the highlighted hit, as mrkdwn bold
    }

    [Fact]
    public void Discord_pings_no_one_and_escapes_markdown()
    {
        using var json = JsonDocument.Parse(new DiscordFormat().Alert(Story(title: "@everyone **breaking**")));
        var root = json.RootElement;

        Assert.Equal(0, root.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = root.GetProperty("embeds")[0];
        Assert.Equal("https://news.example/stories/1", embed.GetProperty("url").GetString());
        Assert.Contains("**Shikotan**", embed.GetProperty("description").GetString());
    }

    [Fact]
    public void Teams_sends_an_adaptive_card_1_4_with_a_button_to_the_story()
    {
        using var json = JsonDocument.Parse(new TeamsFormat().Alert(Story()));
        var card = json.RootElement.GetProperty("attachments")[0].GetProperty("content");

        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Equal("https://news.example/stories/1", card.GetProperty("actions")[0].GetProperty("url").GetString());
        Assert.Contains(card.GetProperty("body").EnumerateArray(), b => b.GetProperty("text").GetString()!.Contains("**Shikotan**", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_verification_notice_carries_the_code(IChatFormat format, Func<byte[], string?> rules)
    {
        var body = format.Notice("Confirm with monitor verify sub_x", "ABCD-EFGH");

        Assert.Null(rules(body));
        Assert.Contains("ABCD-EFGH", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void The_rules_refuse_what_the_platforms_refuse()
    {
        Assert.NotNull(ChatPayloadRules.Slack(Encoding.UTF8.GetBytes("""{"text":"x","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"" }}]}""")));
        Assert.NotNull(ChatPayloadRules.Discord(Encoding.UTF8.GetBytes($$"""{"embeds":[{"title":"{{new string('x', 257)}}"}]}""")));
        Assert.NotNull(ChatPayloadRules.Teams(Encoding.UTF8.GetBytes("""{"type":"message","attachments":[{"contentType":"application/json","content":{}}]}""")));
    }
}
