using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Net;

/// <summary>
/// Decides which IP addresses outbound requests (feeds, webhooks) may reach. By default only public
/// unicast addresses: loopback, private, link-local (which includes the cloud metadata endpoint
/// 169.254.169.254), CGNAT, multicast and unspecified addresses are refused, so a feed or webhook URL
/// cannot be used to probe the service's own network (SSRF). Local development and the tests allow
/// private networks explicitly.
/// </summary>
public sealed class NetworkAccessPolicy(bool allowPrivateNetworks)
{
    public static NetworkAccessPolicy PublicOnly { get; } = new(false);
    public static NetworkAccessPolicy AllowPrivate { get; } = new(true);

    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    public bool IsAllowed(IPAddress address) => AllowPrivateNetworks || IsPublic(address);

    /// <summary>True for addresses on the public internet; false for every range an SSRF could abuse.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
            return false;

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0                                   // "this" network
                || b[0] == 10                                    // private
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // carrier-grade NAT
                || b[0] == 127                                   // loopback
                || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 192 && b[1] == 168)                  // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
                || b[0] >= 224);                                 // multicast, reserved
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)) // NAT64 (64:ff9b::/96, 64:ff9b:1::/48) can reach private IPv4
                return false;
            // Forms that carry an IPv4 address inside: a stack or a relay may deliver them to that IPv4 address.
            foreach (var embedded in EmbeddedIPv4(b))
            {
                if (!IsPublic(embedded)) return false;
            }
            return true;
        }

        return false;
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address embeds: IPv4-compatible <c>::a.b.c.d</c> (::/96, deprecated but still
    /// routed by some stacks), IPv4-translated <c>::ffff:0:a.b.c.d</c>, 6to4 <c>2002:AABB:CCDD::/48</c>, and Teredo
    /// <c>2001:0::/32</c> (its server, and its client with the bits inverted). IPv4-mapped addresses are mapped above.
    /// </summary>
    private static IEnumerable<IPAddress> EmbeddedIPv4(ReadOnlySpan<byte> b)
    {
        var found = new List<IPAddress>(2);
        if (b[..12].IndexOfAnyExcept((byte)0) < 0                          // ::a.b.c.d
            || (b[..8].IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)) // ::ffff:0:a.b.c.d
            found.Add(new IPAddress(b[12..16]));
        else if (b[0] == 0x20 && b[1] == 0x02)                              // 6to4
            found.Add(new IPAddress(b[2..6]));
        else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)    // Teredo
        {
            found.Add(new IPAddress(b[4..8]));
            found.Add(new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]));
        }
        return found;
    }
}
