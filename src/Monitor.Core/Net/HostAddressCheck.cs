using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Net;

/// <summary>
/// The advisory check made when a URL is accepted (a webhook subscribed, a feed added): does its host resolve, and only
/// to public addresses? Advisory because DNS can change; the binding check is the connect-time one in
/// <see cref="GuardedConnection"/>. Answers the reason for a refusal, or null.
/// </summary>
public static class HostAddressCheck
{
    /// <param name="usedFor">What the URL is for, in the refusal ("webhooks", "feeds").</param>
    public static async Task<string?> RefusalAsync(Uri uri, string usedFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }

        if (addresses.Length == 0) return $"The host '{uri.Host}' does not resolve.";

        // Every address must be public: a connection may be made to any of them.
        var forbidden = addresses.Where(a => !NetworkAccessPolicy.IsPublic(a)).Select(a => a.ToString()).ToArray();
        return forbidden.Length == 0
            ? null
            : $"The host '{uri.Host}' resolves to a loopback, private, link-local or metadata address ({string.Join(", ", forbidden)}), which {usedFor} may not reach. "
              + PrivateNetworksHint;
    }

    /// <summary>How to allow such addresses where that is safe; every refusal of a private address says it.</summary>
    public const string PrivateNetworksHint =
        "For local development, allow private addresses with `monitor run --allow-private-networks` (setting Monitor:AllowPrivateNetworks=true).";
}
