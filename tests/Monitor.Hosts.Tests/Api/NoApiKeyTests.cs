using System.Net;

namespace NewsMonitor.Tests.Api;

/// <summary>With no <c>Monitor:ApiKey</c> the local host's API is open, and it says so in its log when it starts.</summary>
public sealed class NoApiKeyTests() : LocalHostTests(settings: new Dictionary<string, string?> { ["Monitor:ApiKey"] = "" })
{
    [Fact]
    public async Task WithoutAKeyEveryRequestIsAcceptedAndTheHostWarns()
    {
        using var client = host.NewClient(apiKey: null);

        using var response = await client.GetAsync("api/topics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("No API key", StringComparison.Ordinal));
    }
}
