using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;

namespace NewsMonitor.Tests;

/// <summary>Starts <c>monitor run</c>'s host in process on 127.0.0.1 with a port the OS picks, for the test classes that need one.</summary>
internal static class LoopbackLocalHost
{
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<ILoggingBuilder>? logging)
    {
        var app = LocalHost.Build(settings, "http://127.0.0.1:0", logging);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
