using System.Net;
using System.Text.Json;

namespace NewsMonitor.Tests.Api;

/// <summary><c>/api/topics</c> on the local host: the seed topics, custom topics, query errors with their position, read-only file topics.</summary>
public sealed class TopicsApiTests : LocalHostTests
{
    [Fact]
    public async Task TheSeedTopicsAreListedAsFileTopics()
    {
        var topics = await host.GetJsonAsync("api/topics");

        var ids = topics.EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["peace-treaty", "habomai", "shikotan", "northern-territories"], ids);
        Assert.All(topics.EnumerateArray(), t => Assert.Equal("file", t.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task ATopicIsReadByIdAndAnUnknownOneIs404()
    {
        var topic = await host.GetJsonAsync("api/topics/shikotan");
        Assert.Equal("shikotan", topic.GetProperty("id").GetString());
        Assert.Contains("shikotan", topic.GetProperty("query").GetString());

        using var missing = await host.Client.GetAsync("api/topics/no-such-topic");
        await Problems.AssertAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACustomTopicIsCreatedListedReadAndDeleted()
    {
        var created = await host.PostJsonAsync("api/topics",
            new { id = "kunashir", name = "Kunashir", query = "kunashir* OR кунашир*", languages = new[] { "en", "ru" } }, HttpStatusCode.Created);
        Assert.Equal("custom", created.GetProperty("source").GetString());

        var listed = await host.GetJsonAsync("api/topics");
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("id").GetString() == "kunashir");
        var read = await host.GetJsonAsync("api/topics/kunashir");
        Assert.Equal("kunashir* OR кунашир*", read.GetProperty("query").GetString());
        Assert.Equal(["en", "ru"], read.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));

        using var deleted = await host.Client.DeleteAsync("api/topics/kunashir");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await host.Client.GetAsync("api/topics/kunashir");
        await Problems.AssertAsync(gone, HttpStatusCode.NotFound);
        Assert.Empty(host.StoredBlobs("topics/"));
    }

    [Theory]
    [InlineData("kuril islands (habomai", 14)]
    [InlineData("japan OR", 6)]
    [InlineData("\"southern kurils", 0)]
    [InlineData("islands -", 8)]
    public async Task ABadQueryIs400WithThePositionOfTheError(string query, int position)
    {
        using var response = await host.Client.PostAsync("api/topics", ApiHost.Json(JsonSerializer.Serialize(new { id = "broken", name = "Broken", query })));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(position, problem.GetProperty("position").GetInt32());
        Assert.Contains($"position {position}", problem.GetProperty("detail").GetString());
        Assert.Empty(host.StoredBlobs("topics/"));
    }

    [Fact]
    public async Task ATopicOfTheFileCannotBeDeletedNorReplaced()
    {
        using var delete = await host.Client.DeleteAsync("api/topics/habomai");
        await Problems.AssertAsync(delete, HttpStatusCode.Conflict);

        using var create = await host.Client.PostAsync("api/topics", ApiHost.Json("""{"id": "habomai", "name": "Mine", "query": "anything"}"""));
        await Problems.AssertAsync(create, HttpStatusCode.Conflict);

        var habomai = await host.GetJsonAsync("api/topics/habomai");
        Assert.Equal("file", habomai.GetProperty("source").GetString());
        Assert.NotEqual("anything", habomai.GetProperty("query").GetString());
    }

    [Fact]
    public async Task DeletingAnUnknownTopicIs404()
    {
        using var response = await host.Client.DeleteAsync("api/topics/never-created");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACustomTopicIdCannotBeTakenTwice()
    {
        await host.PostJsonAsync("api/topics", new { id = "iturup", name = "Iturup", query = "iturup OR etorofu" }, HttpStatusCode.Created);

        using var again = await host.Client.PostAsync("api/topics", ApiHost.Json("""{"id": "iturup", "name": "Other", "query": "other"}"""));

        await Problems.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("iturup OR etorofu", (await host.GetJsonAsync("api/topics/iturup")).GetProperty("query").GetString());
    }
}
