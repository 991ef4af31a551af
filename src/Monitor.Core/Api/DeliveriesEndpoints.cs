using Microsoft.AspNetCore.Http;
using NewsMonitor.Deliveries;

namespace NewsMonitor.Api;

/// <summary><c>POST /api/deliveries/{id}/replay</c>: sends a finished alert (dead-lettered, delivered or cancelled) again, with the same webhook-id.</summary>
public sealed class DeliveriesEndpoints(DeliveryReplayer replayer)
{
    public async Task<IResult> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var (delivery, existed, refused) = await replayer.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        if (delivery is not null) return ApiJson.Ok(DeliveryView.From(delivery), StatusCodes.Status202Accepted);
        if (refused is not null)
            return ApiProblems.Conflict($"Delivery '{id}' cannot be replayed: {refused}. Only alerts of active subscriptions are sent.");
        return existed
            ? ApiProblems.Conflict($"Delivery '{id}' is still pending; it can be replayed once it is delivered, dead-lettered or cancelled.")
            : ApiProblems.NotFound($"Delivery '{id}'");
    }
}
