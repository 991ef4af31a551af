using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace NewsMonitor.WebConsole;

/// <summary>
/// The local host's console routes: <c>GET /</c> (the page) and one route per embedded file. Exact routes rather
/// than a catch-all, so every other path keeps the API's own 404 and 405 answers. The files carry no data and need
/// no key; the API calls they make do.
/// </summary>
public static class ConsoleEndpoints
{
    public static void MapConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods("/", ["GET", "HEAD"], () => ConsoleResult.For(ConsoleAssets.IndexPath));
        foreach (var path in ConsoleAssets.Paths)
            endpoints.MapMethods("/" + path, ["GET", "HEAD"], () => ConsoleResult.For(path));
    }
}
