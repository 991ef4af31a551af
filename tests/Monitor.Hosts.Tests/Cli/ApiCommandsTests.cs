using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// <c>monitor subscribe</c>, <c>monitor subscriptions</c> and <c>monitor deliveries</c> against a running local host:
/// answers printed as JSON, the server's reasons passed on with exit code 2, an unreachable host explained.
/// </summary>
public sealed class ApiCommandsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    [Fact]
    public async Task Subscribe_prints_the_verified_subscription_with_its_secret()
    {
        var result = await _host.RunAsync("subscribe", _host.Receiver.Url.ToString(), "--topic", "shikotan", "--topic", "habomai", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var subscription = JsonDocument.Parse(result.Output).RootElement;
        Assert.StartsWith("sub_", subscription.GetProperty("id").GetString());
        Assert.StartsWith("whsec_", subscription.GetProperty("secret").GetString());
        Assert.Equal(_host.Receiver.Url.ToString(), subscription.GetProperty("url").GetString());
        Assert.Equal(["shikotan", "habomai"], subscription.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("active", subscription.GetProperty("status").GetString());
        Assert.Single(_host.Receiver.Challenges);
    }

    [Fact]
    public async Task Subscriptions_lists_the_subscription_without_its_secret()
    {
        var id = await SubscribeAsync();

        var result = await _host.RunAsync("subscriptions", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var listed = Assert.Single(JsonDocument.Parse(result.Output).RootElement.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.DoesNotContain("whsec_", result.Output);
    }

    [Fact]
    public async Task Deliveries_shows_the_alert_sent_to_the_subscription_with_its_attempt()
    {
        var id = await SubscribeAsync();
        await _host.Receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60));

        var delivery = await WaitForDeliveredAsync(id);

        Assert.Equal(id, delivery.GetProperty("subscriptionId").GetString());
        Assert.Equal("shikotan", delivery.GetProperty("topicId").GetString());
        var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task An_unknown_topic_exits_2_with_the_servers_reason()
    {
        var result = await _host.RunAsync("subscribe", _host.Receiver.Url.ToString(), "--topic", "atlantis");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("400", result.Error);
        Assert.Contains("Unknown topic 'atlantis'", result.Error);
        Assert.Empty(_host.Receiver.Challenges);
    }

    [Fact]
    public async Task Deliveries_of_an_unknown_subscription_exits_2_with_the_servers_reason()
    {
        var result = await _host.RunAsync("deliveries", "sub_doesnotexist");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("404", result.Error);
        Assert.Contains("sub_doesnotexist", result.Error);
    }

    [Fact]
    public async Task A_wrong_api_key_exits_2_and_says_so()
    {
        var result = await CliRun.InProcessAsync("subscriptions", "--api", _host.ApiUrl, "--api-key", "wrong");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("401", result.Error);
    }

    [Fact]
    public async Task The_executable_takes_the_api_url_and_key_from_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["MONITOR_API_URL"] = _host.ApiUrl, ["MONITOR_API_KEY"] = RunningHost.ApiKey };

        var result = await CliRun.ExecutableAsync(environment, "subscribe", _host.Receiver.Url.ToString(), "--topic", "shikotan", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.StartsWith("whsec_", JsonDocument.Parse(result.Output).RootElement.GetProperty("secret").GetString());
    }

    [Theory]
    [InlineData("subscribe", "http://127.0.0.1:9/hook", "--topic", "shikotan")]
    [InlineData("subscriptions")]
    [InlineData("deliveries", "sub_x")]
    public async Task A_host_that_is_not_running_gives_a_non_zero_exit_and_a_clear_message(params string[] args)
    {
        var api = $"http://127.0.0.1:{ClosedPort()}";

        var result = await CliRun.InProcessAsync([.. args, "--api", api]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("Cannot reach", result.Error);
        Assert.Contains(api, result.Error);
        Assert.Contains("monitor run", result.Error);
    }

    [Fact]
    public async Task An_api_url_that_is_not_http_is_a_usage_error()
    {
        var result = await CliRun.InProcessAsync("subscriptions", "--api", "ftp://127.0.0.1/");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ftp://127.0.0.1/", result.Error);
    }

    private async Task<string> SubscribeAsync()
    {
        var result = await _host.RunAsync("subscribe", _host.Receiver.Url.ToString(), "--topic", "shikotan", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The delivery log is written after the POST is answered: polls <c>monitor deliveries</c> (with a deadline) until it shows a delivered alert.</summary>
    private async Task<JsonElement> WaitForDeliveredAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var result = await _host.RunAsync("deliveries", id, "--format", "json");
            Assert.True(result.ExitCode == 0, result.ToString());
            var delivered = JsonDocument.Parse(result.Output).RootElement.EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("status").GetString() == "delivered");
            if (delivered.ValueKind == JsonValueKind.Object) return delivered;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No delivered alert in the log of {id}: {result.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
