using System.Net;
using System.Text.Json;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// The delivery log and replay: with a single scheduled attempt (<c>RetryDelays=0</c>) a failing receiver dead-letters
/// the alert, which is logged with its attempt; a replay once the receiver is back sends it with the same webhook-id.
/// </summary>
public sealed class DeliveriesApiTests() : LocalHostTests(withStory: true, new Dictionary<string, string?> { ["Monitor:Webhooks:RetryDelays"] = "0" })
{
    [Fact]
    public async Task TheLogShowsADeliveredAlertWithItsAttempt()
    {
        await host.WaitForMatchAsync();
        var id = (await host.SubscribeAsync("shikotan")).GetProperty("id").GetString()!;

        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "delivered"), "a delivered alert");

        var delivery = Assert.Single(log.EnumerateArray());
        Assert.Equal(id, delivery.GetProperty("subscriptionId").GetString());
        Assert.Equal("shikotan", delivery.GetProperty("topicId").GetString());
        var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.True(attempt.GetProperty("latencyMs").GetDouble() >= 0);
        Assert.True(attempt.TryGetProperty("at", out _));
        Assert.Equal(delivery.GetProperty("id").GetString(), Assert.Single(host.Receiver.Deliveries).Header("webhook-id"));
    }

    [Fact]
    public async Task ADeadLetteredAlertIsReplayedWithTheSameWebhookId()
    {
        await host.WaitForMatchAsync();
        host.Receiver.Script(WebhookReceiverResponse.ServerError);
        var id = (await host.SubscribeAsync("shikotan")).GetProperty("id").GetString()!;

        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "dead-lettered"), "a dead-lettered alert");
        var deadLettered = Assert.Single(log.EnumerateArray());
        Assert.Equal(500, Assert.Single(deadLettered.GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());
        var failed = Assert.Single(host.Receiver.Requests);
        Assert.False(failed.WasDelivered);

        var replay = await host.PostJsonAsync($"api/deliveries/{deadLettered.GetProperty("id").GetString()}/replay", null, HttpStatusCode.Accepted);
        Assert.Equal(1, replay.GetProperty("replays").GetInt32());

        var delivered = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1));
        Assert.Equal(failed.Header("webhook-id"), delivered.Header("webhook-id"));
        Assert.Equal(Data(failed), Data(delivered));
        log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "delivered"), "the replayed alert delivered");
        var attempts = Assert.Single(log.EnumerateArray()).GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32());
        Assert.Equal([500, 200], attempts);
    }

    /// <summary>The CloudEvent's data (its time is the attempt's own).</summary>
    private static string Data(WebhookReceiverRequest request)
    {
        using var cloudEvent = JsonDocument.Parse(request.Body);
        return cloudEvent.RootElement.GetProperty("data").GetRawText();
    }

    [Fact]
    public async Task ReplayingAnUnknownDeliveryIs404()
    {
        var id = (await host.SubscribeAsync("habomai")).GetProperty("id").GetString()!;

        foreach (var deliveryId in new[] { "nonsense", $"{id}-0123456789abcdef" })
        {
            using var response = await host.Client.PostAsync($"api/deliveries/{deliveryId}/replay", null);
            await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        }
    }
}
