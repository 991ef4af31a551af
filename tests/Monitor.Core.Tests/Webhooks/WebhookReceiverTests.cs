using System.Net;
using System.Text;

namespace NewsMonitor.Tests.Webhooks;

/// <summary>The test receiver is itself relied on by end-to-end tests, so its scripting and waiting are checked here.</summary>
public class WebhookReceiverTests
{
    [Fact]
    public async Task Fails_as_scripted_then_succeeds_and_waits_for_the_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.Unavailable("7"));
        using var client = new HttpClient();

        var waiting = receiver.WaitForDeliveriesAsync(1);
        var first = await Post(client, receiver, "one");
        var second = await Post(client, receiver, "two");
        Assert.False(waiting.IsCompleted);
        var third = await Post(client, receiver, "three");
        var deliveries = await waiting;

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("three", Assert.Single(deliveries).BodyText);
        Assert.Equal(["one", "two", "three"], receiver.Requests.Select(r => r.BodyText));
        Assert.Equal("value", receiver.Requests[0].Header("X-Test"));
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_says_what_arrived()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => receiver.WaitForDeliveriesAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("received 0 POSTs", error.Message);
    }

    [Fact]
    public async Task Listens_on_loopback_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        Assert.Equal("127.0.0.1", receiver.BaseAddress.Host);
        Assert.NotEqual(0, receiver.BaseAddress.Port);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, WebhookReceiver receiver, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.Add("X-Test", "value");
        return client.SendAsync(request);
    }
}
