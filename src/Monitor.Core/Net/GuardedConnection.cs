using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Net;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> every outbound client uses. The address check runs in the
/// connect callback, after DNS resolution and for every connection, so a host name that resolves to a
/// public address at validation time and to a private one later (DNS rebinding) is still refused.
/// </summary>
public static class GuardedConnection
{
    public static SocketsHttpHandler CreateHandler(NetworkAccessPolicy policy, TimeSpan connectTimeout) => new()
    {
        ConnectTimeout = connectTimeout,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        // Through a proxy the connect callback would vet the proxy's address, not the target's, and the proxy
        // would resolve and reach private hosts for us: no proxy, so every connection is checked.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    };

    public static async ValueTask<Stream> ConnectAsync(NetworkAccessPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new BlockedAddressException(endPoint.Host, addresses);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
