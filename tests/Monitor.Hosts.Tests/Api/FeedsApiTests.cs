using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Pipeline;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>/api/feeds</c>: feeds added, read, polled now and removed at run time; the next cycle polls an added feed with no
/// restart; added and removed feeds stay so after a restart; a refused URL says why and how to allow it locally.
/// </summary>
public sealed class FeedsApiTests : LocalHostTests
{
    private async Task<(string Id, Uri Url)> AddStoryFeedAsync(string path = "/added.xml", string? name = "Added news")
    {
        var url = host.Feeds.Serve(path, FeedServerResponses.Feed(StoryFeed.ShikotanAndUnrelated()));
        using var response = await host.Client.PostAsync("api/feeds", ApiHost.Json(System.Text.Json.JsonSerializer.Serialize(new { url = url.AbsoluteUri, name })));
        var created = await ApiHost.ReadAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/feeds/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("api", created.GetProperty("origin").GetString());
        return (id, url);
    }

    [Fact]
    public async Task AnAddedFeedIsListedReadAndPolledNowWithWhatItFound()
    {
        var (id, url) = await AddStoryFeedAsync();

        var listed = await host.GetJsonAsync("api/feeds");
        var entry = Assert.Single(listed.EnumerateArray(), f => f.GetProperty("id").GetString() == id);
        Assert.Equal("Added news", entry.GetProperty("name").GetString());
        Assert.Equal(url.AbsoluteUri, (await host.GetJsonAsync($"api/feeds/{id}")).GetProperty("source").GetString());

        var polled = await host.PostJsonAsync($"api/feeds/{id}/poll", null, HttpStatusCode.OK);
        Assert.Equal(2, polled.GetProperty("newItems").GetInt32());
        Assert.Equal(2, polled.GetProperty("feed").GetProperty("itemsSeen").GetInt32());
        // The Shikotan story matches every topic it belongs to (shikotan, and the wider islands topic).
        var stored = await host.GetJsonAsync("api/matches");
        Assert.Equal(stored.GetArrayLength(), polled.GetProperty("matches").GetInt32());
        Assert.Contains(stored.EnumerateArray(), m => m.GetProperty("topic").GetString() == "shikotan");
    }

    [Fact]
    public async Task PollNowIgnoresTheFeedsNextPollTime()
    {
        var (id, _) = await AddStoryFeedAsync();
        await host.PostJsonAsync($"api/feeds/{id}/poll", null, HttpStatusCode.OK);
        var nextPoll = (await host.GetJsonAsync($"api/feeds/{id}")).GetProperty("nextPollAt").GetDateTimeOffset();
        Assert.True(nextPoll > DateTimeOffset.UtcNow, "the first poll should have set a next poll time in the future");
        var requestsBefore = host.Feeds.Requests.Count;

        var again = await host.PostJsonAsync($"api/feeds/{id}/poll", null, HttpStatusCode.OK);

        Assert.Equal(0, again.GetProperty("newItems").GetInt32());
        Assert.True(host.Feeds.Requests.Count > requestsBefore, "poll now must fetch the feed although it is not due");
    }

    [Fact]
    public async Task TheNextCycleReadsAnAddedFeedWithoutARestart()
    {
        await AddStoryFeedAsync();

        await host.App.Services.GetRequiredService<PollCycle>().RunAsync(CancellationToken.None);

        var match = await host.WaitForMatchAsync();
        Assert.Equal(StoryFeed.ShikotanTitle, match[0].GetProperty("item").GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheSameUrlTwiceIs409WithTheExistingId()
    {
        var (id, url) = await AddStoryFeedAsync();

        using var again = await host.Client.PostAsync("api/feeds", ApiHost.Json($"{{\"url\": \"{url.AbsoluteUri}\"}}"));

        var problem = await Problems.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(id, problem.GetProperty("id").GetString());
        Assert.Single((await host.GetJsonAsync("api/feeds")).EnumerateArray());
    }

    [Fact]
    public async Task ARemovedFeedIsGoneAndAnUnknownIdIs404()
    {
        var (id, _) = await AddStoryFeedAsync();

        using var deleted = await host.Client.DeleteAsync($"api/feeds/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Empty((await host.GetJsonAsync("api/feeds")).EnumerateArray());
        using var gone = await host.Client.GetAsync($"api/feeds/{id}");
        await Problems.AssertAsync(gone, HttpStatusCode.NotFound);
        using var poll = await host.Client.PostAsync($"api/feeds/{id}/poll", null);
        await Problems.AssertAsync(poll, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not a url", "not an http(s) URL")]
    [InlineData("htp://example.com/rss", "not an http(s) URL")]
    [InlineData("file:///etc/passwd", "not an http(s) URL")]
    [InlineData("", "Give the feed's \\\"url\\\"")]
    public async Task ABadUrlIs400SayingWhy(string url, string reason)
    {
        using var response = await host.Client.PostAsync("api/feeds", ApiHost.Json($"{{\"url\": \"{url}\"}}"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason.Replace("\\\"", "\"", StringComparison.Ordinal), problem.GetProperty("detail").GetString());
        Assert.Empty((await host.GetJsonAsync("api/feeds")).EnumerateArray());
    }
}

/// <summary>Where private addresses are not allowed (as in production), a loopback feed is refused with how to allow it locally.</summary>
public sealed class RefusedFeedUrlsApiTests() : LocalHostTests(settings: new Dictionary<string, string?> { ["Monitor:AllowPrivateNetworks"] = "false" })
{
    [Fact]
    public async Task ALoopbackFeedIs400NamingTheSwitchForLocalDevelopment()
    {
        using var response = await host.Client.PostAsync("api/feeds", ApiHost.Json("{\"url\": \"http://127.0.0.1:9/news.xml\"}"));

        var detail = (await Problems.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Contains("loopback", detail);
        Assert.Contains("--allow-private-networks", detail);
        Assert.Contains("Monitor:AllowPrivateNetworks", detail);
    }
}

/// <summary>The feed list outlives the host: an added feed and a removed feed of the file stay so after a restart.</summary>
public sealed class FeedListRestartTests : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("newsmonitor-feedlist-").FullName;
    private string feedsFile = null!;

    public Task InitializeAsync()
    {
        feedsFile = Path.Combine(data, "feeds.json");
        File.WriteAllText(feedsFile, """[{ "url": "https://file-feed.example/rss", "name": "From the file", "language": "en" }]""");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Monitor:Storage:DataDirectory"] = Path.Combine(data, "store"),
        ["Monitor:FeedsFile"] = feedsFile,
    });

    [Fact]
    public async Task AddedAndRemovedFeedsSurviveARestart()
    {
        string fileFeedId;
        await using (var first = await StartAsync())
        {
            var fileFeed = Assert.Single((await first.GetJsonAsync("api/feeds")).EnumerateArray());
            Assert.Equal("file", fileFeed.GetProperty("origin").GetString());
            Assert.Equal("From the file", fileFeed.GetProperty("name").GetString());
            Assert.Equal("en", fileFeed.GetProperty("language").GetString());
            fileFeedId = fileFeed.GetProperty("id").GetString()!;
            await first.PostJsonAsync("api/feeds", new { url = "https://added.example/rss", name = "Added" }, HttpStatusCode.Created);
            using var removed = await first.Client.DeleteAsync($"api/feeds/{fileFeedId}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await using var second = await StartAsync();
        var feeds = (await second.GetJsonAsync("api/feeds")).EnumerateArray().ToArray();
        var added = Assert.Single(feeds);
        Assert.Equal("https://added.example/rss", added.GetProperty("source").GetString());
        Assert.Equal("Added", added.GetProperty("name").GetString());

        // Adding the file's feed again brings it back as the file's.
        var back = await second.PostJsonAsync("api/feeds", new { url = "https://file-feed.example/rss" }, HttpStatusCode.Created);
        Assert.Equal(fileFeedId, back.GetProperty("id").GetString());
        Assert.Equal("file", back.GetProperty("origin").GetString());
    }
}
