using Microsoft.AspNetCore.Http;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Api;

/// <summary><c>GET /api/feeds</c>: every configured feed with its health, polled or not yet.</summary>
public sealed class FeedsEndpoints(FeedHealth health)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        ApiJson.Ok(await health.ListAsync(cancellationToken).ConfigureAwait(false));
}
