using NewsMonitor.Queues;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Deliveries;

namespace NewsMonitor.Functions.Functions;

/// <summary>Makes one attempt at the delivery named by an <c>alert-deliveries</c> message.</summary>
public sealed class DeliverAlert(DeliveryHandler handler)
{
    [Function(nameof(DeliverAlert))]
    public Task<DeliveryStatus?> Run([QueueTrigger(MonitorQueues.DeliveriesName)] string deliveryId, CancellationToken cancellationToken) =>
        handler.HandleAsync(deliveryId, cancellationToken);
}
