using System.Net;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Replaying an alert of a disabled subscription is a 409 with the reason (issue 10: it answered 202 and the handler
/// then cancelled the alert silently); nothing is sent and the delivery stays as it was.
/// </summary>
public sealed class ReplayDisabledSubscriptionApiTests() : LocalHostTests(withStory: true, new Dictionary<string, string?> { ["Monitor:Webhooks:RetryDelays"] = "0" })
{
    [Fact]
    public async Task Replaying_a_delivery_of_a_disabled_subscription_is_409_with_the_reason()
    {
        await host.WaitForMatchAsync();
        host.Receiver.Script(WebhookReceiverResponse.Gone); // 410: the subscription is disabled, its alert cancelled
        var id = (await host.SubscribeAsync("shikotan")).GetProperty("id").GetString()!;
        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "cancelled"), "a cancelled alert");
        var deliveryId = Assert.Single(log.EnumerateArray()).GetProperty("id").GetString()!;
        Assert.Equal("disabled", (await host.GetJsonAsync($"api/subscriptions/{id}")).GetProperty("status").GetString());

        using var response = await host.Client.PostAsync($"api/deliveries/{deliveryId}/replay", null);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("disabled", detail);
        Assert.Contains("410 Gone", detail);
        var after = Assert.Single((await host.GetJsonAsync($"api/subscriptions/{id}/deliveries")).EnumerateArray());
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        Assert.Equal(0, after.GetProperty("replays").GetInt32());
        Assert.Single(host.Receiver.Requests);
    }
}
