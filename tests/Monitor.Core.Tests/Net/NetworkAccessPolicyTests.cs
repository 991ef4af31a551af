using System.Net;
using NewsMonitor.Net;

namespace NewsMonitor.Tests.Net;

public class NetworkAccessPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_loopback_link_local_and_metadata_addresses_are_refused(string address)
    {
        Assert.False(NetworkAccessPolicy.IsPublic(IPAddress.Parse(address)));
        Assert.False(NetworkAccessPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address)));
        Assert.True(NetworkAccessPolicy.AllowPrivate.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("151.101.1.69")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(NetworkAccessPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public async Task Connecting_to_loopback_is_refused_at_connect_time_unless_private_networks_are_allowed()
    {
        var error = await Assert.ThrowsAsync<BlockedAddressException>(() =>
            GuardedConnection.ConnectAsync(NetworkAccessPolicy.PublicOnly, new DnsEndPoint("localhost", 9), CancellationToken.None).AsTask());
        Assert.Contains("--allow-private-networks", error.Message);
    }
}
