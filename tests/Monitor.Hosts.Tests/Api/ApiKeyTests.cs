using System.Net;
using NewsMonitor.Api;

namespace NewsMonitor.Tests.Api;

/// <summary>The local host's API key (<c>Monitor:ApiKey</c>) in <c>x-functions-key</c>: every route refuses a request without it or with a wrong one.</summary>
public sealed class ApiKeyTests : LocalHostTests
{
    // (A key with trailing blanks is not wrong: HTTP trims a header value's surrounding whitespace.)
    public static TheoryData<string?> WrongKeys => new() { null, "", "wrong-key", ApiHost.ApiKey.ToUpperInvariant(), ApiHost.ApiKey[..^1], ApiHost.ApiKey + "x" };

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public async Task EveryRouteRefusesAMissingOrWrongKeyWith401(string? key)
    {
        using var client = host.NewClient(key);
        // The e-mail links (confirm, unsubscribe) are the exception: their signed token is the key.
        foreach (var route in ApiRoutes.All.Where(r => !r.Anonymous))
        {
            var path = "api/" + route.Template.Replace("{id}", "shikotan", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method == "POST") request.Content = ApiHost.Json($$"""{"url": "{{host.Receiver.Url.AbsoluteUri}}", "topics": ["shikotan"]}""");

            using var response = await client.SendAsync(request);

            await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        }

        Assert.Empty(host.StoredBlobs("subscriptions/"));
        Assert.Empty(host.StoredBlobs("topics/"));
        Assert.Empty(host.Receiver.Challenges);
        Assert.Equal(4, (await host.GetJsonAsync("api/topics")).GetArrayLength());
    }

    [Fact]
    public async Task TheKeyIsAlsoAcceptedAsTheCodeParameterAsInAzure()
    {
        using var client = host.NewClient(apiKey: null);

        using var response = await client.GetAsync($"api/topics?code={ApiHost.ApiKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
