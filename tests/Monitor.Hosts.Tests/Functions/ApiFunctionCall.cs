using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Api;
using NewsMonitor.Functions.Functions;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// Calls the HTTP function of an API route directly, with a <see cref="DefaultHttpContext"/>-based request whose
/// RequestServices are a scope of the app's services (as the ASP.NET Core integration gives it), and executes the
/// returned <see cref="IActionResult"/> into a buffer.
/// </summary>
internal static class ApiFunctionCall
{
    public static async Task<(int Status, string? ContentType, string Body)> InvokeAsync(
        FunctionsApp app, string routeName, string? id = null, string? query = null, string? jsonBody = null)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = route.Method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7071);
        context.Request.Path = $"{ApiRoutes.Prefix}/{route.Template.Replace("{id}", id, StringComparison.Ordinal)}";
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        if (jsonBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(jsonBody);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }
        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var functions = app.Activate<ApiFunctions>();
        var method = typeof(ApiFunctions).GetMethod(routeName)!;
        object?[] arguments = method.GetParameters().Length == 2 ? [context.Request, id] : [context.Request];
        var result = await (Task<IActionResult>)method.Invoke(functions, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(responseBody.ToArray()));
    }
}
