using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Requests that must be refused get a 4xx <c>application/problem+json</c>, and the host stores nothing and contacts
/// no one for them: no subscription or topic blob, empty lists, no challenge at the receiver.
/// </summary>
public sealed class BadRequestsApiTests : LocalHostTests
{
    private string HookUrl => host.Receiver.Url.AbsoluteUri;

    public static TheoryData<string, string, HttpStatusCode> BadSubscriptions => new()
    {
        { "malformed JSON", """{"url": "{hook}", "topics": ["shikotan"]""", HttpStatusCode.BadRequest },
        { "not an object", """["{hook}", "shikotan"]""", HttpStatusCode.BadRequest },
        { "null", "null", HttpStatusCode.BadRequest },
        { "unknown topic", """{"url": "{hook}", "topics": ["shikotan", "atlantis"]}""", HttpStatusCode.BadRequest },
        { "no topics", """{"url": "{hook}", "topics": []}""", HttpStatusCode.BadRequest },
        { "missing topics", """{"url": "{hook}"}""", HttpStatusCode.BadRequest },
        { "missing url", """{"topics": ["shikotan"]}""", HttpStatusCode.BadRequest },
        { "not a URL", """{"url": "hooks here please", "topics": ["shikotan"]}""", HttpStatusCode.BadRequest },
        { "relative URL", """{"url": "/hooks/news", "topics": ["shikotan"]}""", HttpStatusCode.BadRequest },
        { "ftp URL", """{"url": "ftp://127.0.0.1/hooks", "topics": ["shikotan"]}""", HttpStatusCode.BadRequest },
        { "unknown field", """{"url": "{hook}", "topics": ["shikotan"], "secret": "whsec_mine"}""", HttpStatusCode.BadRequest },
        { "misspelt field", """{"url": "{hook}", "topic": ["shikotan"]}""", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task ABadSubscriptionIsRefusedAndNothingIsStored(string why, string body, HttpStatusCode expected)
    {
        using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json(body.Replace("{hook}", HookUrl, StringComparison.Ordinal)));

        await Problems.AssertAsync(response, expected);
        await AssertNothingStoredAsync(why);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AWrongContentTypeIs415(string contentType)
    {
        using var response = await host.Client.PostAsync("api/subscriptions",
            ApiHost.Json($$"""{"url": "{{HookUrl}}", "topics": ["shikotan"]}""", contentType));

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNothingStoredAsync(contentType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOver64KiBIs413WithOrWithoutContentLength(bool withContentLength)
    {
        var padding = new string(' ', 64 * 1024);
        var json = $$"""{"url": "{{HookUrl}}", {{padding}} "topics": ["shikotan"]}""";
        HttpContent content = withContentLength
            ? ApiHost.Json(json)
            : new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(json))) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        if (!withContentLength) Assert.Null(content.Headers.ContentLength);

        using var response = await host.Client.PostAsync("api/subscriptions", content);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAsync("oversized");
    }

    [Fact]
    public async Task ABodyJustUnderTheCapIsRead()
    {
        var json = $$"""{"url": "{{HookUrl}}", "topics": ["shikotan"]}""";
        json = json.Insert(1, new string(' ', 64 * 1024 - Encoding.UTF8.GetByteCount(json)));

        using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json(json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string, string> BadTopics => new()
    {
        { "malformed JSON", """{"id": "kurils", "name": "Kurils", "query": "kuril*" """ },
        { "unknown field", """{"id": "kurils", "name": "Kurils", "query": "kuril*", "owner": "me"}""" },
        { "bad id", """{"id": "Kurils Islands!", "name": "Kurils", "query": "kuril*"}""" },
        { "empty name", """{"id": "kurils", "name": " ", "query": "kuril*"}""" },
        { "missing query", """{"id": "kurils", "name": "Kurils"}""" },
        { "empty query", """{"id": "kurils", "name": "Kurils", "query": ""}""" },
    };

    [Theory]
    [MemberData(nameof(BadTopics))]
    public async Task ABadTopicIsRefusedAndNothingIsStored(string why, string body)
    {
        using var response = await host.Client.PostAsync("api/topics", ApiHost.Json(body));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(host.StoredBlobs("topics/").Count == 0, why);
        Assert.Equal(4, (await host.GetJsonAsync("api/topics")).GetArrayLength());
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblem404()
    {
        using var response = await host.Client.GetAsync("api/nothing-here");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private async Task AssertNothingStoredAsync(string why)
    {
        Assert.True(host.StoredBlobs("subscriptions/").Count == 0, $"{why}: a subscription was stored");
        Assert.Equal(0, (await host.GetJsonAsync("api/subscriptions")).GetArrayLength());
        Assert.True(host.Receiver.Challenges.Count == 0, $"{why}: the receiver was contacted");
    }

    /// <summary>A stream of unknown length, so HttpClient sends the body chunked, without Content-Length.</summary>
    private sealed class ChunkedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
