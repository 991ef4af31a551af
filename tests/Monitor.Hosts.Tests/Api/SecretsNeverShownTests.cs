using System.Net;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// A subscription's secrets appear only in the answers to create and rotate-secret: never in any GET, never in the
/// host's logs (at any level), neither as <c>whsec_…</c> nor as the bare base64 key.
/// </summary>
public sealed class SecretsNeverShownTests() : LocalHostTests(withStory: true)
{
    [Fact]
    public async Task NoGetAnswerAndNoLogLineContainsASecret()
    {
        await host.WaitForMatchAsync();
        var created = await host.SubscribeAsync("shikotan");
        var id = created.GetProperty("id").GetString()!;
        await host.Receiver.WaitForDeliveriesAsync(1);
        var rotated = await host.PostJsonAsync($"api/subscriptions/{id}/rotate-secret", null, HttpStatusCode.OK);
        await host.PostJsonAsync($"api/subscriptions/{id}/test", null, HttpStatusCode.OK);
        // Replay needs a finished delivery: the receiver has the alert a moment before the log says delivered.
        var log = await host.WaitForDeliveriesAsync(id, l => l.GetArrayLength() > 0 && l[0].GetProperty("status").GetString() == "delivered", "the delivery logged as delivered");
        await host.PostJsonAsync($"api/deliveries/{log[0].GetProperty("id").GetString()}/replay", null, HttpStatusCode.Accepted);
        await host.Receiver.WaitForDeliveriesAsync(3);
        // A pending subscription too: its secret must stay as hidden.
        host.Receiver.ChallengeAnswer = WebhookReceiverChallenge.WrongBody;
        var pending = await host.SubscribeAsync("habomai");

        string[] secrets = [created.GetProperty("secret").GetString()!, rotated.GetProperty("secret").GetString()!, pending.GetProperty("secret").GetString()!];
        var forbidden = secrets.Concat(secrets.Select(s => s["whsec_".Length..])).ToArray();
        Assert.All(secrets, s => Assert.StartsWith("whsec_", s));

        foreach (var path in new[]
        {
            "api/subscriptions", $"api/subscriptions/{id}", $"api/subscriptions/{pending.GetProperty("id").GetString()}",
            $"api/subscriptions/{id}/deliveries", "api/topics", "api/topics/shikotan", "api/topics/shikotan/feed",
            "api/matches", "api/feeds", "api/openapi.json",
        })
        {
            using var response = await host.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.All(forbidden, secret => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
            Assert.DoesNotContain("whsec_", body, StringComparison.Ordinal);
        }

        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.Contains(id, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.All(forbidden, secret => Assert.DoesNotContain(secret, line, StringComparison.Ordinal)));
    }
}
