using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>PUT /api/topics/{id}</c> replaces a custom topic (validated like POST, in force for the next poll), and
/// <c>DELETE /api/topics/{id}</c> keeps a topic that subscriptions follow unless <c>?force=true</c>.
/// </summary>
public sealed class TopicChangesApiTests : LocalHostTests
{
    private Task CreateAsync(string query = "kunashir*") =>
        host.PostJsonAsync("api/topics", new { id = "watch", name = "Watch", query }, HttpStatusCode.Created);

    [Fact]
    public async Task AReplacedTopicMatchesWithItsNewQueryOnTheNextPoll()
    {
        await CreateAsync();

        using var response = await host.Client.PutAsync("api/topics/watch", ApiHost.Json("""{"name": "Fishermen", "query": "fishermen"}"""));
        var replaced = await ApiHost.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Fishermen", replaced.GetProperty("name").GetString());
        Assert.Equal("fishermen", (await host.GetJsonAsync("api/topics/watch")).GetProperty("query").GetString());

        host.ServeFeed(StoryFeed.ShikotanAndUnrelated());
        var feedUrl = host.Feeds.BaseAddress + "news.xml";
        await host.App.Services.GetRequiredService<FeedPoller>().PollNowAsync(feedUrl, CancellationToken.None);
        var matches = await host.WaitForMatchAsync("watch");
        Assert.Equal("Fishermen", matches[0].GetProperty("topicName").GetString());
    }

    [Fact]
    public async Task AReplacementIsValidatedLikeACreation()
    {
        await CreateAsync();

        using var badQuery = await host.Client.PutAsync("api/topics/watch", ApiHost.Json("""{"name": "Watch", "query": "japan OR"}"""));
        Assert.Equal(6, (await Problems.AssertAsync(badQuery, HttpStatusCode.BadRequest)).GetProperty("position").GetInt32());
        using var otherId = await host.Client.PutAsync("api/topics/watch", ApiHost.Json("""{"id": "other", "name": "Watch", "query": "x"}"""));
        await Problems.AssertAsync(otherId, HttpStatusCode.BadRequest);
        using var fileTopic = await host.Client.PutAsync("api/topics/shikotan", ApiHost.Json("""{"name": "Shikotan", "query": "x"}"""));
        await Problems.AssertAsync(fileTopic, HttpStatusCode.Conflict);
        using var unknown = await host.Client.PutAsync("api/topics/nothing", ApiHost.Json("""{"name": "N", "query": "x"}"""));
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);

        Assert.Equal("kunashir*", (await host.GetJsonAsync("api/topics/watch")).GetProperty("query").GetString());
    }

    [Fact]
    public async Task DeletingAFollowedTopicIs409NamingTheSubscriptionsUnlessForced()
    {
        await CreateAsync();
        var subscription = (await host.SubscribeAsync("watch")).GetProperty("id").GetString()!;

        using var refused = await host.Client.DeleteAsync("api/topics/watch");
        var problem = await Problems.AssertAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains(subscription, problem.GetProperty("detail").GetString());
        Assert.Contains("force=true", problem.GetProperty("detail").GetString());
        Assert.Equal(subscription, Assert.Single(problem.GetProperty("subscriptions").EnumerateArray()).GetString());
        await host.GetJsonAsync("api/topics/watch");

        using var forced = await host.Client.DeleteAsync("api/topics/watch?force=true");
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        using var gone = await host.Client.GetAsync("api/topics/watch");
        await Problems.AssertAsync(gone, HttpStatusCode.NotFound);
    }
}
