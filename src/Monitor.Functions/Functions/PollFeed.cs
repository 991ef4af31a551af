using NewsMonitor.Queues;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions.Functions;

/// <summary>Polls one feed named by a <c>feed-polls</c> message, so many instances share the feeds.</summary>
public sealed class PollFeed(FeedPoller poller)
{
    [Function(nameof(PollFeed))]
    public Task<FeedPollSummary> Run([QueueTrigger(MonitorQueues.FeedPollsName)] string source, CancellationToken cancellationToken) =>
        poller.PollAsync(source, cancellationToken);
}
