using System.Net;

namespace NewsMonitor.Net;

/// <summary>A request was refused because its host resolves only to addresses the <see cref="NetworkAccessPolicy"/> forbids.</summary>
public sealed class BlockedAddressException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException(addresses.Count == 0
        ? $"'{host}' did not resolve to any address."
        : $"'{host}' resolves to a private, loopback or link-local address ({string.Join(", ", addresses)}); " +
          "such addresses are refused unless private networks are allowed (--allow-private-networks, Monitor:AllowPrivateNetworks).")
{
    public string Host { get; } = host;
}
