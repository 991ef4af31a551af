using System.Net;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// The SSRF guard and the https rule at subscription time, on hosts configured as in Azure: loopback receivers are
/// refused when private networks are not allowed, plain http when https is required; nothing is stored or contacted.
/// </summary>
public sealed class RefusedWebhookUrlsApiTests
{
    [Fact]
    public async Task PrivateAddressesAreRefusedWhenPrivateNetworksAreNotAllowed()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Monitor:AllowPrivateNetworks"] = "false" });
        var port = host.Receiver.Url.Port;

        foreach (var url in new[] { host.Receiver.Url.AbsoluteUri, $"http://localhost:{port}/hooks/news", $"http://[::1]:{port}/hooks", $"http://127.0.0.2:{port}/hooks" })
        {
            using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json($$"""{"url": "{{url}}", "topics": ["shikotan"]}"""));
            var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("loopback", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(host.StoredBlobs("subscriptions/"));
        Assert.Empty(host.Receiver.Challenges);
    }

    [Fact]
    public async Task PlainHttpIsRefusedWhenHttpsIsRequired()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Monitor:Webhooks:RequireHttps"] = "true" });

        using var response = await host.Client.PostAsync("api/subscriptions", ApiHost.Json($$"""{"url": "{{host.Receiver.Url.AbsoluteUri}}", "topics": ["shikotan"]}"""));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("https", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.StoredBlobs("subscriptions/"));
        Assert.Equal(0, (await host.GetJsonAsync("api/subscriptions")).GetArrayLength());
        Assert.Empty(host.Receiver.Challenges);
    }
}
