using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions.Functions;
using NewsMonitor.WebConsole;

namespace NewsMonitor.Tests.Functions;

/// <summary>The <c>Console</c> function serves the embedded console at <c>/api/console/</c>, with its CSP, and 404s anything else.</summary>
public sealed class ConsoleFunctionTests
{
    private static async Task<(int Status, IHeaderDictionary Headers, string Body)> GetAsync(string requestPath, string? path)
    {
        await using var app = await FunctionsApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = requestPath;
        context.Request.QueryString = new QueryString("?code=k");
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = new ConsoleFunction().Run(context.Request, path);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task TheFolderAddressServesThePageWithItsSecurityPolicy()
    {
        var (status, headers, body) = await GetAsync("/api/console/", "");

        Assert.Equal(200, status);
        Assert.StartsWith("text/html", headers.ContentType.ToString());
        Assert.StartsWith("default-src 'self'", headers.ContentSecurityPolicy.ToString());
        Assert.Contains("<script type=\"module\" src=\"js/main.js\">", body);
    }

    [Fact]
    public async Task AStaticFileIsServedWithItsType()
    {
        var (status, headers, body) = await GetAsync("/api/console/js/api.js", "js/api.js");

        Assert.Equal(200, status);
        Assert.StartsWith("text/javascript", headers.ContentType.ToString());
        Assert.Contains("x-functions-key", body);
    }

    [Fact]
    public async Task WithoutTheSlashItRedirectsKeepingTheKey()
    {
        var (status, headers, _) = await GetAsync("/api/console", null);

        Assert.Equal(302, status);
        Assert.Equal("/api/console/?code=k", headers.Location.ToString());
    }

    [Fact]
    public async Task AnUnknownFileIsAProblem404()
    {
        var (status, headers, _) = await GetAsync("/api/console/secrets.txt", "secrets.txt");

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", headers.ContentType.ToString());
        Assert.Contains("js/main.js", ConsoleAssets.Paths);
    }
}
