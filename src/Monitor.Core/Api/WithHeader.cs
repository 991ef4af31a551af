using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>An answer with one more response header (<c>Location</c> of a 201, <c>Allow</c> of a 405), in both hosts.</summary>
public sealed class WithHeader(IResult inner, string name, string value) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
