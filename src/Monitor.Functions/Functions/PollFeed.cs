using NewsMonitor.Queues;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Functions.Functions;

/// <summary>Polls the feeds named by a <c>feed-polls</c> message (one source per line), so many instances share the feeds.</summary>
public sealed class PollFeed(FeedPoller poller)
{
    [Function(nameof(PollFeed))]
    public Task<FeedPollSummary> Run([QueueTrigger(MonitorQueues.FeedPollsName)] string message, CancellationToken cancellationToken) =>
        poller.PollMessageAsync(message, cancellationToken);
}
