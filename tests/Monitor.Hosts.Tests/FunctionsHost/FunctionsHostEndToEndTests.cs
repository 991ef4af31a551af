using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsMonitor.Testing;
using NewsMonitor.Tests.Cli;
using NewsMonitor.Tests.EndToEnd;

namespace NewsMonitor.Tests.FunctionsHost;

/// <summary>
/// The published Functions app in the real Azure Functions host (issue 10): every function of functions.metadata is
/// indexed; the HTTP API answers with a function key and refuses without; the timer enqueues the feed, <c>PollFeed</c>
/// matches it, the match is stored, <c>DeliverAlert</c> sends a signed webhook; and after kill -9 of host and worker in
/// the middle of a delivery, a restarted host delivers that alert with the same webhook-id.
/// </summary>
[Collection(AzuriteAloneCollection.Name)]
public sealed class FunctionsHostEndToEndTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromMinutes(5);

    private Dictionary<string, string> Settings(Uri feed) => new()
    {
        ["PollSchedule"] = "*/2 * * * * *",
        ["Monitor__FeedUrls__0"] = feed.AbsoluteUri,
    };

    [FunctionsHostFact]
    public async Task Timer_queue_match_blob_and_signed_webhook_run_in_the_real_host_and_survive_kill_9_mid_delivery()
    {
        var feed = app.Feeds.Serve("/islands.rss", FeedServerResponses.Feed(ShikotanFeeds.EnglishRss));
        var host = await app.StartHostAsync(Settings(feed));
        var (functionKey, masterKey) = await host.KeysAsync();
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "api/"), Timeout = TimeSpan.FromSeconds(60) };

        // Every function the build generated is indexed by the host (their number grows as routes are added).
        using (var admin = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, "admin/functions")))
        {
            admin.Headers.Add("x-functions-key", masterKey);
            using var listed = await api.SendAsync(admin);
            Assert.True(listed.IsSuccessStatusCode, $"{(int)listed.StatusCode}\n{host.Log}");
            var indexed = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToHashSet();
            Assert.Equal(app.MetadataFunctionNames().Order(), indexed.Order());
        }

        // The API: 401 without a key, the seed topics with one.
        using (var anonymous = await api.GetAsync("topics")) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // The web console is served by the host without a key (its API calls need one), with its own CSP.
        using (var page = await api.GetAsync("console/"))
        {
            Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode}\n{host.Log}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'self'", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")));
            Assert.Contains("js/main.js", await page.Content.ReadAsStringAsync());
        }
        using (var script = await api.GetAsync("console/js/main.js"))
        {
            Assert.True(script.IsSuccessStatusCode, $"{(int)script.StatusCode}");
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
        api.DefaultRequestHeaders.Add("x-functions-key", functionKey);
        var topics = await api.GetFromJsonAsync<JsonElement>("topics");
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("id").GetString() == "shikotan");

        // The receiver holds the first alert's request open: the host is killed while it is being delivered.
        app.Receiver.Script(WebhookReceiverResponse.NoAnswer);
        using var subscribed = await api.PostAsJsonAsync("subscriptions", new { url = app.Receiver.Url.AbsoluteUri, topics = new[] { "shikotan" } });
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        var subscription = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        var secret = subscription.GetProperty("secret").GetString()!;

        // timer -> feed-polls -> PollFeed -> match blob -> alert-deliveries -> DeliverAlert -> the receiver
        var held = Assert.Single(await app.Receiver.WaitForRequestsAsync(1, AlertTimeout), r => r.Header("webhook-id") is not null);
        SignedAlerts.Verify(held, secret);
        var webhookId = held.Header("webhook-id");
        var matches = await api.GetFromJsonAsync<JsonElement>("matches");
        Assert.Contains(matches.EnumerateArray(), m => m.GetProperty("topic").GetString() == "shikotan"); // the stored match blob

        await host.KillAsync();
        var restarted = await app.StartHostAsync(Settings(feed));

        var delivered = await app.Receiver.WaitForDeliveriesAsync(1, AlertTimeout);
        var alert = Assert.Single(delivered);
        Assert.Equal(webhookId, alert.Header("webhook-id"));
        SignedAlerts.Verify(alert, secret);
        Assert.All(app.Receiver.Requests.Where(r => r.Header("webhook-id") is not null), r => Assert.Equal(webhookId, r.Header("webhook-id")));
        Assert.DoesNotContain("Unhandled exception", restarted.Log);
    }
}
