using System.Net;
using NewsMonitor.Net;

namespace NewsMonitor.Tests.Net;

/// <summary>
/// IPv6 forms that embed an IPv4 address are judged by that address (issue 10: <c>[::7f00:1]</c> and
/// <c>[2002:7f00:1::1]</c> were accepted as webhook URLs).
/// </summary>
public sealed class EmbeddedIPv4Tests
{
    [Theory]
    [InlineData("::7f00:1")]                      // IPv4-compatible 127.0.0.1
    [InlineData("::127.0.0.2")]
    [InlineData("::a9fe:a9fe")]                   // IPv4-compatible 169.254.169.254 (cloud metadata)
    [InlineData("::10.0.0.1")]
    [InlineData("::ffff:0:127.0.0.1")]            // IPv4-translated
    [InlineData("::ffff:169.254.169.254")]        // IPv4-mapped metadata
    [InlineData("2002:7f00:1::1")]                // 6to4 of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::")]              // 6to4 of the metadata address
    [InlineData("2002:c0a8:0101:1::5")]           // 6to4 of 192.168.1.1
    [InlineData("2001:0:7f00:1::1")]              // Teredo with a loopback server
    [InlineData("2001:0:808:808:0:0:80ff:fffe")]  // Teredo whose client (bits inverted) is 127.0.0.1
    [InlineData("64:ff9b::8.8.8.8")]              // NAT64: refused whatever it embeds
    [InlineData("64:ff9b:1::a00:1")]
    public void Forms_embedding_a_non_public_ipv4_address_are_refused(string address)
    {
        Assert.False(NetworkAccessPolicy.IsPublic(IPAddress.Parse(address)), address);
        Assert.False(NetworkAccessPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("2002:808:808::1")]               // 6to4 of 8.8.8.8
    [InlineData("2001:0:808:808:0:0:f7f7:f7f7")]  // Teredo: server and client 8.8.8.8
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2a00:1450:4001:830::200e")]
    public void Forms_embedding_a_public_ipv4_address_and_plain_public_ipv6_are_allowed(string address) =>
        Assert.True(NetworkAccessPolicy.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("::7f00:1")]
    [InlineData("2002:7f00:1::1")]
    public async Task Connecting_to_an_embedded_loopback_address_is_refused_at_connect_time(string address)
    {
        await Assert.ThrowsAsync<BlockedAddressException>(() =>
            GuardedConnection.ConnectAsync(NetworkAccessPolicy.PublicOnly, new DnsEndPoint(address, 80), CancellationToken.None).AsTask());
    }
}
