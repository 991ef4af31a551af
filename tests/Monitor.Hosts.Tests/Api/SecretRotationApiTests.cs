using System.Net;
using System.Text.Json;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>POST /api/subscriptions/{id}/rotate-secret</c>: a new secret, and during the overlap every delivery carries two
/// <c>v1,</c> signatures, one made with each secret, so a receiver can switch over without losing alerts.
/// </summary>
public sealed class SecretRotationApiTests() : LocalHostTests(withStory: true)
{
    [Fact]
    public async Task RotationAnswersANewSecretAndTheTimeThePreviousOneExpires()
    {
        var created = await host.SubscribeAsync("habomai");
        var oldSecret = created.GetProperty("secret").GetString();

        var rotated = await host.PostJsonAsync($"api/subscriptions/{created.GetProperty("id").GetString()}/rotate-secret", null, HttpStatusCode.OK);

        var newSecret = rotated.GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", newSecret);
        Assert.NotEqual(oldSecret, newSecret);
        var expires = rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task DuringTheOverlapATestEventCarriesOneSignaturePerSecret()
    {
        var created = await host.SubscribeAsync("habomai");
        var id = created.GetProperty("id").GetString();
        var rotated = await host.PostJsonAsync($"api/subscriptions/{id}/rotate-secret", null, HttpStatusCode.OK);

        await host.PostJsonAsync($"api/subscriptions/{id}/test", null, HttpStatusCode.OK);

        var request = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1));
        AssertOneSignaturePerSecret(request, created.GetProperty("secret").GetString()!, rotated.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task DuringTheOverlapAReplayedAlertCarriesOneSignaturePerSecretAndTheSameWebhookId()
    {
        await host.WaitForMatchAsync();
        var created = await host.SubscribeAsync("shikotan");
        var id = created.GetProperty("id").GetString()!;
        // Verified after the poll: the story is backfilled and delivered, signed with the only secret there is.
        var first = Assert.Single(await host.Receiver.WaitForDeliveriesAsync(1));
        Assert.Single(first.Header("webhook-signature")!.Split(' '));
        var log = await host.WaitForDeliveriesAsync(id, l => l.EnumerateArray().Any(d => d.GetProperty("status").GetString() == "delivered"), "a delivered alert");
        var deliveryId = log.EnumerateArray().Single().GetProperty("id").GetString();

        var rotated = await host.PostJsonAsync($"api/subscriptions/{id}/rotate-secret", null, HttpStatusCode.OK);
        await host.PostJsonAsync($"api/deliveries/{deliveryId}/replay", null, HttpStatusCode.Accepted);

        var replayed = (await host.Receiver.WaitForDeliveriesAsync(2))[1];
        Assert.Equal(first.Header("webhook-id"), replayed.Header("webhook-id"));
        AssertOneSignaturePerSecret(replayed, created.GetProperty("secret").GetString()!, rotated.GetProperty("secret").GetString()!);
    }

    private static void AssertOneSignaturePerSecret(WebhookReceiverRequest request, string oldSecret, string newSecret)
    {
        var signatures = request.Header("webhook-signature")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, signatures.Length);
        Assert.All(signatures, s => Assert.StartsWith("v1,", s));
        string? Check(string secret, string signature) => StandardWebhooksVerifier.Check(
            secret, request.Header("webhook-id"), request.Header("webhook-timestamp"), signature, request.Body, DateTimeOffset.UtcNow);

        // Each secret verifies exactly one of the two signatures.
        foreach (var secret in new[] { oldSecret, newSecret })
            Assert.Single(signatures, s => Check(secret, s) is null);
        Assert.NotEqual(signatures.Single(s => Check(oldSecret, s) is null), signatures.Single(s => Check(newSecret, s) is null));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(request.Header("webhook-id"), body.RootElement.GetProperty("id").GetString());
    }
}
