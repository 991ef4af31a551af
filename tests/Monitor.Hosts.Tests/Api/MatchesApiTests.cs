using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace NewsMonitor.Tests.Api;

/// <summary>What the poll found, through the API: <c>/api/matches</c> with its filters, the topic's Atom feed and <c>/api/feeds</c>.</summary>
public sealed class MatchesApiTests() : LocalHostTests(withStory: true)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private protected override async Task OnStartedAsync() => await host.WaitForMatchAsync();

    [Fact]
    public async Task TheStoryIsAMatchOfItsTopicAndTheUnrelatedItemOfNone()
    {
        var shikotan = Assert.Single((await host.GetJsonAsync("api/matches?topic=shikotan")).EnumerateArray());
        Assert.Equal("shikotan", shikotan.GetProperty("topic").GetString());
        Assert.Equal(StoryFeed.ShikotanTitle, shikotan.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal(StoryFeed.ShikotanLink, shikotan.GetProperty("item").GetProperty("link").GetString());
        Assert.NotEmpty(shikotan.GetProperty("terms").EnumerateArray());

        var all = await host.GetJsonAsync("api/matches");
        Assert.All(all.EnumerateArray(), m => Assert.Equal(StoryFeed.ShikotanTitle, m.GetProperty("item").GetProperty("title").GetString()));
        Assert.Empty((await host.GetJsonAsync("api/matches?topic=habomai")).EnumerateArray());
    }

    [Fact]
    public async Task SinceKeepsOnlyLaterMatches()
    {
        var matchedAt = Assert.Single((await host.GetJsonAsync("api/matches?topic=shikotan")).EnumerateArray()).GetProperty("matchedAt").GetDateTimeOffset();

        var before = await host.GetJsonAsync($"api/matches?topic=shikotan&since={Uri.EscapeDataString(matchedAt.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture))}");
        var after = await host.GetJsonAsync($"api/matches?topic=shikotan&since={Uri.EscapeDataString(matchedAt.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}");

        Assert.Single(before.EnumerateArray());
        Assert.Empty(after.EnumerateArray());
    }

    [Theory]
    [InlineData("api/matches?topic=no-such-topic")]
    [InlineData("api/matches?since=last-tuesday")]
    [InlineData("api/matches?limit=0")]
    public async Task BadFiltersAre400(string path)
    {
        using var response = await host.Client.GetAsync(path);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheTopicsAtomFeedIsWellFormedAndCarriesTheStory()
    {
        using var response = await host.Client.GetAsync("api/topics/shikotan/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.False(string.IsNullOrWhiteSpace((string?)feed.Element(Atom + "id")));
        Assert.False(string.IsNullOrWhiteSpace((string?)feed.Element(Atom + "title")));
        DateTimeOffset.Parse((string)feed.Element(Atom + "updated")!, CultureInfo.InvariantCulture);
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(new Uri(host.BaseAddress, "api/topics/shikotan/feed"), new Uri((string)self.Attribute("href")!));
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal(StoryFeed.ShikotanTitle, (string?)entry.Element(Atom + "title"));
        Assert.Equal(StoryFeed.ShikotanLink, (string?)entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href"));
        Assert.False(string.IsNullOrWhiteSpace((string?)entry.Element(Atom + "id")));
        DateTimeOffset.Parse((string)entry.Element(Atom + "updated")!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheFeedOfATopicWithoutMatchesHasNoEntriesAndAnUnknownTopicHasNoFeed()
    {
        using var empty = await host.Client.GetAsync("api/topics/habomai/feed");
        Assert.Empty(XDocument.Parse(await empty.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry"));

        using var unknown = await host.Client.GetAsync("api/topics/no-such-topic/feed");
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FeedsListsThePolledFeedWithItsHealth()
    {
        var feeds = await host.WaitForAsync("api/feeds",
            list => list.EnumerateArray().Any(f => f.TryGetProperty("lastSuccessAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String),
            "the feed's first successful poll");

        var feed = Assert.Single(feeds.EnumerateArray());
        Assert.Equal(host.Feeds.BaseAddress.AbsoluteUri + "news.xml", feed.GetProperty("source").GetString());
        Assert.Equal(0, feed.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(2, feed.GetProperty("itemsSeen").GetInt32());
        Assert.True(feed.GetProperty("matchesFound").GetInt32() >= 1);
    }

    [Fact]
    public async Task TheAtomFeedLinksToItselfThroughThePublicBaseUrlWhenOneIsSet()
    {
        await using var behindProxy = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Monitor:PublicBaseUrl"] = "https://monitor.example.org/" });

        using var response = await behindProxy.Client.GetAsync("api/topics/shikotan/feed");

        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("https://monitor.example.org/api/topics/shikotan/feed", (string?)self.Attribute("href"));
    }
}
