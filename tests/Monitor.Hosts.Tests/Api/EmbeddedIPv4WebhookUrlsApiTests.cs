using System.Net;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Subscribing a webhook URL whose IPv6 host embeds a loopback, private or metadata IPv4 address is a 400 and stores
/// nothing (issue 10: <c>http://[::7f00:1]/</c> and <c>http://[2002:7f00:1::1]/</c> were accepted).
/// </summary>
public sealed class EmbeddedIPv4WebhookUrlsApiTests
{
    [Fact]
    public async Task Ipv6_forms_embedding_non_public_ipv4_addresses_are_refused_at_subscribe_time()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Monitor:AllowPrivateNetworks"] = "false" });

        foreach (var url in new[] { "http://[::7f00:1]/", "http://[2002:7f00:1::1]/", "http://[::a9fe:a9fe]/latest/meta-data",
                     "http://[2001:0:7f00:1::1]/", "http://[::ffff:0:7f00:1]/", "http://[64:ff9b::7f00:1]/" })
        {
            using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json($$"""{"url": "{{url}}", "topics": ["shikotan"]}"""));
            await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.Empty(host.StoredBlobs("subscriptions/"));
    }
}
