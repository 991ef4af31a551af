using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>POST /api/topics/backtest</c> on the local host, over items the host really polled from a loopback feed:
/// the recently seen items (not only stored matches) are matched per day with hits, snippet and reason, and a
/// draft is compared with a saved topic.
/// </summary>
public sealed class BacktestApiTests() : LocalHostTests(withStory: true)
{
    private protected override async Task OnStartedAsync() => await host.WaitForMatchAsync();

    [Fact]
    public async Task ADraftQueryMatchesARecentlySeenItemThatNoTopicMatched()
    {
        var result = await host.PostJsonAsync("api/topics/backtest", new { query = "bread OR bakery", since = "2d" }, HttpStatusCode.OK);

        Assert.Equal(2, result.GetProperty("itemsExamined").GetInt32());
        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        var day = Assert.Single(result.GetProperty("days").EnumerateArray());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), day.GetProperty("date").GetString());
        var hit = Assert.Single(day.GetProperty("items").EnumerateArray());
        Assert.Equal(StoryFeed.UnrelatedTitle, hit.GetProperty("item").GetProperty("title").GetString());
        Assert.Contains("[Bakery]", hit.GetProperty("snippet").GetString());
        Assert.Equal("Matched \"bakery\" in the title and summary and \"bread\" in the title and summary.", hit.GetProperty("reason").GetString());
        Assert.False(result.TryGetProperty("comparison", out _));
    }

    [Fact]
    public async Task ComparedWithASavedTopicTheDraftListsWhatItNewlyCatchesAndDrops()
    {
        var result = await host.PostJsonAsync("api/topics/backtest", new { query = "bakery", compareWith = "shikotan" }, HttpStatusCode.OK);

        var comparison = result.GetProperty("comparison");
        Assert.Equal("shikotan", comparison.GetProperty("topicId").GetString());
        Assert.Equal(0, comparison.GetProperty("kept").GetInt32());
        var caught = Assert.Single(comparison.GetProperty("caught").EnumerateArray());
        Assert.Equal(StoryFeed.UnrelatedTitle, caught.GetProperty("item").GetProperty("title").GetString());
        Assert.Equal("new", caught.GetProperty("change").GetString());
        var dropped = Assert.Single(comparison.GetProperty("dropped").EnumerateArray());
        Assert.Equal(StoryFeed.ShikotanTitle, dropped.GetProperty("item").GetProperty("title").GetString());
        Assert.Contains("[Shikotan]", dropped.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task ASavedTopicIsBacktestedByItsId()
    {
        var result = await host.PostJsonAsync("api/topics/backtest", new { topicId = "shikotan", since = "1h" }, HttpStatusCode.OK);

        var hit = Assert.Single(result.GetProperty("days")[0].GetProperty("items").EnumerateArray());
        Assert.Equal(StoryFeed.ShikotanTitle, hit.GetProperty("item").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"query\": \"kuril (habomai\"}", "position", 6)]
    [InlineData("{\"query\": \"x\", \"topicId\": \"shikotan\"}", null, 0)]
    [InlineData("{}", null, 0)]
    [InlineData("{\"topicId\": \"no-such-topic\"}", null, 0)]
    [InlineData("{\"query\": \"x\", \"compareWith\": \"no-such-topic\"}", null, 0)]
    [InlineData("{\"query\": \"x\", \"since\": \"a week\"}", null, 0)]
    [InlineData("{\"query\": \"x\", \"sinse\": \"7d\"}", null, 0)]
    public async Task ABadRequestIs400AndSaysWhy(string body, string? extension, int position)
    {
        using var response = await host.Client.PostAsync("api/topics/backtest", ApiHost.Json(body));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        if (extension is not null) Assert.Equal(position, problem.GetProperty(extension).GetInt32());
    }

    [Fact]
    public async Task TheRecentItemsAreKeptCompressed()
    {
        var blobs = host.App.Services.GetRequiredService<IBlobStore>();
        var name = Assert.Single(await blobs.ListAsync("recent-items/", CancellationToken.None).ToListAsync());
        var bytes = (await blobs.GetAsync(name, CancellationToken.None))!.Content.ToArray();
        Assert.Equal([0x1f, 0x8b], bytes[..2]); // gzip
        Assert.EndsWith(".jsonl.gz", name);
    }
}
