using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NewsMonitor.Functions.Functions;

/// <summary>
/// The ASP.NET Core integration runs <see cref="IActionResult"/> but not minimal-API <see cref="IResult"/>; the
/// shared endpoints in Monitor.Core return <see cref="IResult"/>, so this adapter lets both hosts write the same answer.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
