using System.Net;
using System.Text.Json;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>After a secret rotation, alerts carry signatures for both the new and the previous secret, so a receiver can switch over without losing one.</summary>
public sealed class SecretRotationTests
{
    [Fact]
    public async Task Alert_after_a_rotation_verifies_with_the_new_and_the_previous_secret()
    {
        var feed = new NewsFeed("World news");
        await using var monitor = await MainFlow.StartAsync(feed);
        var subscription = await monitor.SubscribeAsync("shikotan");

        using var rotated = await monitor.Api.PostAsync($"api/subscriptions/{subscription.Id}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        Assert.NotEqual(subscription.Secret, newSecret);

        feed.Add(MainFlow.Matching);
        var delivered = Assert.Single(await monitor.Receiver.WaitForDeliveriesAsync(1));
        SignedAlerts.Verify(delivered, newSecret);
        SignedAlerts.Verify(delivered, subscription.Secret);
        Assert.NotNull(StandardWebhooksVerifier.Check("whsec_" + Convert.ToBase64String(new byte[32]), delivered, DateTimeOffset.UtcNow));
    }
}
