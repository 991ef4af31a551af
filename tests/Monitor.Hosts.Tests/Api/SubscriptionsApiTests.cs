using System.Net;
using System.Text.Json;

namespace NewsMonitor.Tests.Api;

/// <summary><c>/api/subscriptions</c>: create (verification of intent), read, list, delete, and the signed test event.</summary>
public sealed class SubscriptionsApiTests : LocalHostTests
{
    [Fact]
    public async Task ASubscriptionWhoseReceiverEchoesTheChallengeIsCreatedActiveWithASecret()
    {
        var created = await host.SubscribeAsync("shikotan", "habomai");

        Assert.False(string.IsNullOrEmpty(created.GetProperty("id").GetString()));
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(host.Receiver.Url.AbsoluteUri, created.GetProperty("url").GetString());
        Assert.Equal(["shikotan", "habomai"], created.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        var challenge = Assert.Single(host.Receiver.Challenges);
        Assert.Equal(host.Receiver.Url.AbsolutePath, challenge.AbsolutePath);
    }

    [Theory]
    [InlineData(WebhookReceiverChallenge.WrongBody)]
    [InlineData(WebhookReceiverChallenge.NotFound)]
    public async Task ASubscriptionWhoseReceiverDoesNotEchoTheChallengeStaysPending(WebhookReceiverChallenge answer)
    {
        host.Receiver.ChallengeAnswer = answer;

        var created = await host.SubscribeAsync("shikotan");

        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        var read = await host.GetJsonAsync($"api/subscriptions/{created.GetProperty("id").GetString()}");
        Assert.Equal("pending", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ASubscriptionIsReadListedAndDeleted()
    {
        var first = await host.SubscribeAsync("shikotan");
        var second = await host.SubscribeAsync("habomai");
        var id = first.GetProperty("id").GetString();

        var read = await host.GetJsonAsync($"api/subscriptions/{id}");
        Assert.Equal(id, read.GetProperty("id").GetString());
        Assert.Equal("active", read.GetProperty("status").GetString());
        Assert.True(read.TryGetProperty("verifiedAt", out _));
        var listed = await host.GetJsonAsync("api/subscriptions");
        Assert.Equal([id, second.GetProperty("id").GetString()], listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        using var deleted = await host.Client.DeleteAsync($"api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await host.Client.GetAsync($"api/subscriptions/{id}");
        await Problems.AssertAsync(gone, HttpStatusCode.NotFound);
        Assert.Single((await host.GetJsonAsync("api/subscriptions")).EnumerateArray());
    }

    [Fact]
    public async Task TheTestRouteSendsASignedTestEventNow()
    {
        var created = await host.SubscribeAsync("shikotan");
        var secret = created.GetProperty("secret").GetString()!;

        var attempt = await host.PostJsonAsync($"api/subscriptions/{created.GetProperty("id").GetString()}/test", null, HttpStatusCode.OK);

        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        var request = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1));
        Assert.Null(StandardWebhooksVerifier.Check(secret, request, DateTimeOffset.UtcNow));
        using var cloudEvent = JsonDocument.Parse(request.Body);
        Assert.Equal("newsmonitor.test", cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal(request.Header("webhook-id"), cloudEvent.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("GET", "api/subscriptions/{0}")]
    [InlineData("DELETE", "api/subscriptions/{0}")]
    [InlineData("POST", "api/subscriptions/{0}/test")]
    [InlineData("POST", "api/subscriptions/{0}/rotate-secret")]
    [InlineData("GET", "api/subscriptions/{0}/deliveries")]
    public async Task AnUnknownSubscriptionIs404(string method, string template)
    {
        var created = await host.SubscribeAsync("shikotan");
        using var deleted = await host.Client.DeleteAsync($"api/subscriptions/{created.GetProperty("id").GetString()}");

        foreach (var id in new[] { created.GetProperty("id").GetString()!, "sub_doesnotexist", "not-an-id" })
        {
            using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id)));
            await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        }
    }
}
