namespace NewsMonitor.Tests.Api;

/// <summary>
/// Retries as the delivery log shows them, with an immediate three-attempt schedule (<c>RetryDelays=0,0,0</c>): a
/// receiver failing twice gets the alert on the third attempt with the same webhook-id; 410 disables the subscription.
/// </summary>
public sealed class DeliveryRetriesApiTests() : LocalHostTests(withStory: true, new Dictionary<string, string?> { ["Monitor:Webhooks:RetryDelays"] = "0,0,0" })
{
    [Fact]
    public async Task AReceiverFailingTwiceGetsTheAlertOnTheThirdAttemptWithTheSameWebhookId()
    {
        await host.WaitForMatchAsync();
        host.Receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.Unavailable("0"));
        var created = await host.SubscribeAsync("shikotan");
        var id = created.GetProperty("id").GetString()!;

        await host.Receiver.WaitForDeliveriesAsync(1);
        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "delivered"), "the alert delivered");

        var delivery = Assert.Single(log.EnumerateArray());
        Assert.Equal([500, 503, 200], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        var requests = host.Receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(delivery.GetProperty("id").GetString(), r.Header("webhook-id")));
        Assert.All(requests, r => Assert.Null(StandardWebhooksVerifier.Check(created.GetProperty("secret").GetString()!, r, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A410DisablesTheSubscriptionAndCancelsTheAlert()
    {
        await host.WaitForMatchAsync();
        host.Receiver.Script(WebhookReceiverResponse.Gone);
        var id = (await host.SubscribeAsync("shikotan")).GetProperty("id").GetString()!;

        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "cancelled"), "the alert cancelled");

        Assert.Equal(410, Assert.Single(Assert.Single(log.EnumerateArray()).GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());
        var subscription = await host.GetJsonAsync($"api/subscriptions/{id}");
        Assert.Equal("disabled", subscription.GetProperty("status").GetString());
        Assert.Contains("410", subscription.GetProperty("statusReason").GetString());
        Assert.Single(host.Receiver.Requests);
    }
}
