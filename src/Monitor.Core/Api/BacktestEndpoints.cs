using Microsoft.AspNetCore.Http;
using NewsMonitor.Backtest;

namespace NewsMonitor.Api;

/// <summary><c>POST /api/topics/backtest</c>: what a query would have matched over the last days, before it is saved.</summary>
public sealed class BacktestEndpoints(Backtester backtester)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<BacktestRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        try
        {
            return ApiJson.Ok(await backtester.RunAsync(body!, cancellationToken).ConfigureAwait(false));
        }
        catch (BacktestException e)
        {
            return ApiProblems.BadRequest(e.Message, e.Position is { } position ? new Dictionary<string, object?> { ["position"] = position } : null);
        }
    }
}
