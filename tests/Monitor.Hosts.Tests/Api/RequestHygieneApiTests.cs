using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Requests the API refuses, and how: a 4xx problem that names the field and what to send, never a .NET type name or a
/// parser's byte position; 415 without a JSON content-type; 405 with Allow for a known route; 404 problem otherwise.
/// </summary>
public sealed class RequestHygieneApiTests : LocalHostTests
{
    [Theory]
    [InlineData("""{"url": "https://a.example/rss", "adress": "x"}""", "Unknown field \"adress\"")]
    [InlineData("""{"url": "https://a.example/rss", "url": "https://b.example/rss"}""", "\"url\" appears more than once")]
    [InlineData("""{"url": 42}""", "\"url\" must be a string")]
    [InlineData("""{"name": "x"}""", "lacks \"url\"")]
    [InlineData("""{"url": null}""", "\"url\" must not be null")]
    [InlineData("""{"url": "https://a.example/rss",""", "not valid JSON on line 1")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public async Task ABadBodyIs400InWordsAboutTheRequest(string body, string expected)
    {
        using var response = await host.Client.PostAsync("api/feeds", ApiHost.Json(body));

        var detail = (await Problems.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail);
        Assert.DoesNotContain("BytePositionInLine", detail);
        Assert.DoesNotContain(".NET", detail);
        Assert.DoesNotContain("NewsMonitor.", detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task ABodyThatIsNotDeclaredJsonIs415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"url": "https://a.example/rss"}"""));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await host.Client.PostAsync("api/feeds", content);

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await host.GetJsonAsync("api/feeds")).EnumerateArray());
    }

    [Fact]
    public async Task AWrongMethodIs405WithTheMethodsAllowed()
    {
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "api/topics/shikotan"));

        await Problems.AssertAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblem404()
    {
        using var response = await host.Client.GetAsync("api/no-such-thing");

        var detail = (await Problems.AssertAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString();
        Assert.Contains("/api/no-such-thing", detail);
    }

    [Fact]
    public async Task CreatedAnswersCarryLocation()
    {
        using var topic = await host.Client.PostAsync("api/topics", ApiHost.Json("""{"id": "kunashir", "name": "Kunashir", "query": "kunashir"}"""));
        Assert.Equal(HttpStatusCode.Created, topic.StatusCode);
        Assert.Equal("/api/topics/kunashir", topic.Headers.Location?.OriginalString);

        using var subscription = await host.Client.PostAsync("api/subscriptions",
            ApiHost.Json($$"""{"url": "{{host.Receiver.Url.AbsoluteUri}}", "topics": ["kunashir"]}"""));
        var created = await ApiHost.ReadAsync(subscription, HttpStatusCode.Created);
        Assert.Equal($"/api/subscriptions/{created.GetProperty("id").GetString()}", subscription.Headers.Location?.OriginalString);
    }
}
