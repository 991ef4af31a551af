namespace NewsMonitor.Pipeline;

public sealed record PollCycleResult(int Feeds, int FeedsEnqueued, int DeliveriesRequeued, int SubscriptionsVerified);
