using NewsMonitor.Storage;

namespace NewsMonitor.Queues;

/// <summary>The service's two work queues, on the storage account the Functions host's queue triggers read.</summary>
public sealed class MonitorQueues(StorageAccount account)
{
    /// <summary>Queue of feed sources due for a poll (PollFeed).</summary>
    public const string FeedPollsName = QueueNames.FeedPolls;

    /// <summary>Queue of delivery ids to attempt (DeliverAlert).</summary>
    public const string DeliveriesName = QueueNames.AlertDeliveries;

    public IMessageQueue FeedPolls { get; } = account.GetQueue(FeedPollsName);

    public IMessageQueue Deliveries { get; } = account.GetQueue(DeliveriesName);
}
