using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.WebConsole;

namespace NewsMonitor.Functions.Functions;

/// <summary>
/// The web console in Azure, at <c>/api/console/</c>: the Functions host puts every HTTP function under its route
/// prefix (<c>api</c>), and keeping that prefix keeps every API route where clients expect it. The files are
/// anonymous (they hold no data); the API calls the page makes carry the function key (see docs/DEPLOY.md).
/// </summary>
public sealed class ConsoleFunction
{
    public const string RoutePrefix = "console";

    [Function("Console")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = RoutePrefix + "/{*path}")] HttpRequest request, string? path)
    {
        // The page loads its files by relative URLs, so it must be addressed as a folder: /api/console/ not /api/console.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
            return new ResultActionResult(Results.Redirect(request.PathBase + request.Path + "/" + request.QueryString));
        return new ResultActionResult(ConsoleResult.For(path));
    }
}
