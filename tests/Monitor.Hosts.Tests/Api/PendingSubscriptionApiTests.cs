namespace NewsMonitor.Tests.Api;

/// <summary>
/// Verification of intent over time: a pending subscription gets no alerts while its URL does not echo the challenge,
/// is asked again on every poll cycle, and once it echoes it becomes active and gets the story it missed.
/// </summary>
public sealed class PendingSubscriptionApiTests() : LocalHostTests(withStory: true, new Dictionary<string, string?> { ["Monitor:PollSchedule"] = "*/2 * * * * *" })
{
    [Fact]
    public async Task APendingSubscriptionGetsNothingUntilItEchoesThenGetsTheStory()
    {
        await host.WaitForMatchAsync();
        host.Receiver.ChallengeAnswer = WebhookReceiverChallenge.WrongBody;
        var created = await host.SubscribeAsync("shikotan");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("pending", created.GetProperty("status").GetString());

        // The cycles ask again: two more challenges, and still no alert.
        await host.Receiver.WaitForChallengesAsync(3, ApiHost.Deadline);
        Assert.Empty(host.Receiver.Requests);
        var pending = await host.GetJsonAsync($"api/subscriptions/{id}");
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Contains("challenge", pending.GetProperty("statusReason").GetString());

        host.Receiver.ChallengeAnswer = WebhookReceiverChallenge.Echo;
        await host.WaitForAsync($"api/subscriptions/{id}", s => s.GetProperty("status").GetString() == "active", "the subscription verified");
        var alert = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1, ApiHost.Deadline));

        Assert.Null(StandardWebhooksVerifier.Check(created.GetProperty("secret").GetString()!, alert, DateTimeOffset.UtcNow));
    }
}
