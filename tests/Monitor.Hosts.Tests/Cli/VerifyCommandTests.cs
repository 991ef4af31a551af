using System.Text;
using System.Text.Json;
using NewsMonitor.Tests.Channels;

namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor subscribe --channel slack</c> and <c>monitor verify ID CODE</c> against a running local host.</summary>
public sealed class VerifyCommandTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    [Fact]
    public async Task A_slack_channel_subscribed_from_the_command_line_is_verified_with_the_posted_code()
    {
        var subscribed = await _host.RunAsync("subscribe", _host.Receiver.Url.ToString(), "--topic", "shikotan", "--channel", "slack", "--quiet-hours", "22:00-07:00",
            "--time-zone", "Europe/Berlin");
        Assert.True(subscribed.ExitCode == 0, subscribed.ToString());
        var subscription = JsonDocument.Parse(subscribed.Output).RootElement;
        var id = subscription.GetProperty("id").GetString()!;
        Assert.Equal("pending", subscription.GetProperty("status").GetString());
        Assert.Equal("22:00-07:00", subscription.GetProperty("quietHours").GetString());
        Assert.DoesNotContain("hooks/news", subscribed.Output); // the hook URL is masked
        var code = ChannelHost.CodeIn(Encoding.UTF8.GetString(Assert.Single(await _host.Receiver.WaitForDeliveriesAsync(1)).Body));

        var wrong = await _host.RunAsync("verify", id, "ZZZZ-ZZZZ");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("4 tries left", wrong.Error);

        var verified = await _host.RunAsync("verify", id, code);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Equal("active", JsonDocument.Parse(verified.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verify_without_a_code_is_a_usage_error()
    {
        var result = await _host.RunAsync("verify", "sub_00000000000000000000");

        Assert.Equal(2, result.ExitCode);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
