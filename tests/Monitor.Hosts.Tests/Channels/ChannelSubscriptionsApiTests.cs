using System.Net;
using System.Net.Http.Json;
using System.Text;
using NewsMonitor.Tests.Api;

namespace NewsMonitor.Tests.Channels;

/// <summary>Subscribing chat and e-mail channels through the API: refusals that say what to change, and code verification bounded to five tries.</summary>
public sealed class ChannelSubscriptionsApiTests() : LocalHostTests(withStory: true)
{
    private async Task<HttpResponseMessage> SubscribeAsync(object body) => await host.Client.PostAsJsonAsync("api/subscriptions", body);

    private async Task<(string Id, string Code)> SubscribeSlackAsync()
    {
        var created = await host.PostJsonAsync("api/subscriptions", new { url = host.Receiver.Url.AbsoluteUri, topics = new[] { "shikotan" }, channel = "slack" },
            HttpStatusCode.Created);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal("slack", created.GetProperty("channel").GetString());
        Assert.False(created.TryGetProperty("secret", out _), "a chat subscription has no signing secret to show");
        var notice = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1));
        Assert.Null(ChatPayloadRules.Slack(notice.Body));
        return (created.GetProperty("id").GetString()!, ChannelHost.CodeIn(Encoding.UTF8.GetString(notice.Body)));
    }

    [Theory]
    [InlineData("""{"url": "https://hooks.example/x", "topics": ["shikotan"], "channel": "sms"}""", "\"channel\" must be webhook, slack, teams, discord or email")]
    [InlineData("""{"url": "https://hooks.example/x", "topics": ["shikotan"], "quietHours": "22:00-07:00"}""", "a webhook gets every alert as it happens")]
    [InlineData("""{"url": "alice@example.com", "topics": ["shikotan"], "channel": "email"}""", "Monitor:Email:Host")]
    [InlineData("""{"url": "https://hooks.example/x", "topics": ["shikotan"], "channel": "slack", "digest": "weekly"}""", "\"digest\" must be")]
    [InlineData("""{"url": "ftp://hooks.example/x", "topics": ["shikotan"], "channel": "discord"}""", "The discord webhook URL cannot be used")]
    public async Task Bad_channel_requests_are_refused_with_the_reason_and_store_nothing(string body, string reason)
    {
        using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json(body));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Empty(host.StoredBlobs("subscriptions/"));
    }

    [Fact]
    public async Task A_hook_that_refuses_the_code_is_not_subscribed()
    {
        host.Receiver.Script(new WebhookReceiverResponse(404, Body: "no_service"));

        using var response = await SubscribeAsync(new { url = host.Receiver.Url.AbsoluteUri, topics = new[] { "shikotan" }, channel = "slack" });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("answered 404: no_service", problem.GetProperty("detail").GetString());
        Assert.Empty(host.StoredBlobs("subscriptions/"));
    }

    [Fact]
    public async Task A_chat_subscription_gets_nothing_until_its_code_comes_back_then_the_recent_stories()
    {
        await host.WaitForMatchAsync();
        var (id, code) = await SubscribeSlackAsync();
        Assert.Equal("pending", (await host.GetJsonAsync($"api/subscriptions/{id}")).GetProperty("status").GetString());
        Assert.Single(host.Receiver.Requests);

        var verified = await host.PostJsonAsync($"api/subscriptions/{id}/verify", new { code = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) }, HttpStatusCode.OK);

        Assert.Equal("active", verified.GetProperty("status").GetString());
        var alert = (await host.Receiver.WaitForDeliveriesAsync(2))[1];
        Assert.Null(ChatPayloadRules.Slack(alert.Body));
        Assert.Contains(StoryFeed.ShikotanTitle, Encoding.UTF8.GetString(alert.Body));
    }

    [Fact]
    public async Task Five_wrong_codes_disable_the_subscription_and_the_right_one_no_longer_works()
    {
        var (id, code) = await SubscribeSlackAsync();

        for (var left = 4; left >= 1; left--)
        {
            using var wrong = await host.Client.PostAsJsonAsync($"api/subscriptions/{id}/verify", new { code = "AAAA-AAAA" });
            Assert.Contains($"{left} tries left", (await Problems.AssertAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        }
        using var fifth = await host.Client.PostAsJsonAsync($"api/subscriptions/{id}/verify", new { code = "AAAA-AAAA" });
        await Problems.AssertAsync(fifth, HttpStatusCode.Conflict);
        using var right = await host.Client.PostAsJsonAsync($"api/subscriptions/{id}/verify", new { code });
        await Problems.AssertAsync(right, HttpStatusCode.Conflict);

        Assert.Equal("disabled", (await host.GetJsonAsync($"api/subscriptions/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_webhook_is_not_verified_by_code_and_an_unknown_id_is_404()
    {
        var webhook = await host.SubscribeAsync("shikotan");

        using var byCode = await host.Client.PostAsJsonAsync($"api/subscriptions/{webhook.GetProperty("id").GetString()}/verify", new { code = "ABCD-EFGH" });
        await Problems.AssertAsync(byCode, HttpStatusCode.Conflict);
        using var unknown = await host.Client.PostAsJsonAsync("api/subscriptions/sub_00000000000000000000/verify", new { code = "ABCD-EFGH" });
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);
        using var malformed = await host.Client.PostAsJsonAsync("api/subscriptions/..%2F..%2Fkeys%2Flink-tokens/verify", new { code = "ABCD-EFGH" });
        await Problems.AssertAsync(malformed, HttpStatusCode.NotFound);
        Assert.Empty(host.StoredBlobs("keys/"));
    }

    [Fact]
    public async Task The_test_route_posts_a_test_alert_in_the_channel_format()
    {
        var (id, code) = await SubscribeSlackAsync();
        await host.PostJsonAsync($"api/subscriptions/{id}/verify", new { code }, HttpStatusCode.OK);
        var before = host.Receiver.Deliveries.Count;

        var attempt = await host.PostJsonAsync($"api/subscriptions/{id}/test", null, HttpStatusCode.OK);

        Assert.Equal("delivered", attempt.GetProperty("outcome").GetString());
        var test = host.Receiver.Deliveries[before];
        Assert.Null(ChatPayloadRules.Slack(test.Body));
        Assert.Contains("NewsMonitor test alert", Encoding.UTF8.GetString(test.Body));
    }
}
