using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NewsMonitor.WebConsole;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>monitor run</c> serves the web console at <c>/</c> without a key (the files hold no data) and with a
/// <c>default-src 'self'</c> policy; every file the page names exists; the API keeps its own answers.
/// </summary>
public sealed partial class ConsoleFilesTests : LocalHostTests
{
    [Fact]
    public async Task TheRootServesThePageWithoutAKeyAndWithItsSecurityPolicy()
    {
        using var anonymous = host.NewClient(apiKey: null);
        using var response = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(" ", response.Headers.GetValues("X-Content-Type-Options")));
        var page = await response.Content.ReadAsStringAsync();
        foreach (Match reference in Reference().Matches(page))
            Assert.NotNull(ConsoleAssets.Find(reference.Groups[1].Value));
    }

    [Fact]
    public async Task EveryModuleTheScriptsImportIsServed()
    {
        foreach (var path in ConsoleAssets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal)))
        {
            var script = await host.Client.GetStringAsync("/" + path);
            foreach (Match import in Import().Matches(script))
            {
                using var module = await host.Client.GetAsync("/js/" + import.Groups[1].Value);
                Assert.True(module.StatusCode == HttpStatusCode.OK, $"{path} imports {import.Groups[1].Value}, which is {(int)module.StatusCode}");
                Assert.Equal("text/javascript", module.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task AnUnchangedFileIsA304AndAnUnknownOneA404()
    {
        using var first = await host.Client.GetAsync("/app.css");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.css");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var notModified = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var missing = await host.Client.GetAsync("/secrets.txt");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var api = await host.Client.GetAsync("/api/topics");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"#:]+)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("from '\\./([a-z]+\\.js)'")]
    private static partial Regex Import();
}
