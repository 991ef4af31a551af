using Microsoft.AspNetCore.Http;
using NewsMonitor.Api;

namespace NewsMonitor.WebConsole;

/// <summary>
/// Serves one console file with the headers that keep the console self-contained: a Content-Security-Policy that
/// lets the page load and call only its own origin (no CDN, font or script from anywhere else can run), nosniff,
/// no referrer, and an ETag so a reload costs a 304. Used by both hosts.
/// </summary>
public sealed class ConsoleResult(ConsoleAsset asset) : IResult
{
    public const string ContentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>The console file at <paramref name="path"/> below its root, or a 404 problem.</summary>
    public static IResult For(string? path) =>
        ConsoleAssets.Find(path) is { } asset ? new ConsoleResult(asset) : ApiProblems.NotFound($"The console file '{path}'");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (httpContext.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method)) return;
        await response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
