using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsMonitor.Tests.Api;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// The HTTP functions, called directly, answer exactly what the local host answers for the same route over the same
/// storage folder: the same status, content type and JSON.
/// </summary>
public sealed class ApiFunctionsTests : IAsyncLifetime
{
    private FunctionsApp app = null!;
    private ApiHost local = null!;

    public async Task InitializeAsync()
    {
        app = await FunctionsApp.StartAsync(new Dictionary<string, string?> { ["Monitor:FeedUrls:0"] = null });
        local = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Monitor:Storage:DataDirectory"] = app.DataDirectory });
    }

    public async Task DisposeAsync()
    {
        await local.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task CreateSubscriptionAnswers201WithASecretAndTheLocalHostSeesTheSubscription()
    {
        var (status, contentType, body) = await ApiFunctionCall.InvokeAsync(app, "CreateSubscription",
            jsonBody: $$"""{"url": "{{app.Receiver.Url.AbsoluteUri}}", "topics": ["shikotan"]}""");

        Assert.Equal(201, status);
        Assert.StartsWith("application/json", contentType);
        var created = JsonNode.Parse(body)!;
        Assert.StartsWith("whsec_", (string?)created["secret"]);
        Assert.Equal("active", (string?)created["status"]);
        var seen = await local.GetJsonAsync($"api/subscriptions/{created["id"]}");
        Assert.Equal("active", seen.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ListTopics", null, null)]
    [InlineData("GetTopic", "shikotan", null)]
    [InlineData("GetTopic", "no-such-topic", null)]
    [InlineData("ListSubscriptions", null, null)]
    [InlineData("GetSubscription", "$subscription", null)]
    [InlineData("ListDeliveries", "$subscription", null)]
    [InlineData("ListMatches", null, "?topic=shikotan")]
    [InlineData("ListMatches", null, "?since=yesterday")]
    [InlineData("ListFeeds", null, null)]
    [InlineData("OpenApiDocument", null, null)]
    public async Task AGetRouteWritesWhatTheLocalHostWrites(string routeName, string? id, string? query)
    {
        var created = await local.SubscribeAsync("shikotan");
        if (id == "$subscription") id = created.GetProperty("id").GetString();
        var route = NewsMonitor.Api.ApiRoutes.All.Single(r => r.Name == routeName);
        using var expected = await local.Client.GetAsync($"api/{route.Template.Replace("{id}", id, StringComparison.Ordinal)}{query}");

        var (status, contentType, body) = await ApiFunctionCall.InvokeAsync(app, routeName, id, query);

        Assert.Equal((int)expected.StatusCode, status);
        Assert.Equal(expected.Content.Headers.ContentType?.ToString(), contentType);
        Assert.Equal(WithoutTraceId(await expected.Content.ReadAsStringAsync()), WithoutTraceId(body));
        Assert.NotEqual(HttpStatusCode.Unauthorized, expected.StatusCode);
    }

    /// <summary>Problem answers may carry a per-request traceId; everything else must be equal.</summary>
    private static string WithoutTraceId(string json)
    {
        if (JsonNode.Parse(json) is JsonObject problem && problem.Remove("traceId"))
            return problem.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return json;
    }
}
