using System.Text;
using Azure.Storage.Queues;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Queues;
using NewsMonitor.Tests.Api;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// On real queue storage (Azurite), what PollFeeds writes is what the Functions host's QueueTrigger can read: the host
/// decodes message bodies as Base64, so the raw text on the queue must be the Base64 of the feed URL.
/// </summary>
public sealed class AzureQueueFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PollFeedsWritesBase64MessagesThatAQueueTriggerDecodesToTheFeedUrl()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?>
        {
            ["Monitor:Storage:DataDirectory"] = null,
            ["Monitor:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Monitor:Storage:ContainerName"] = AzuriteFixture.UniqueName("functions"),
        });
        app.ServeFeed(StoryFeed.ShikotanAndUnrelated());

        var result = await app.Activate<PollFeeds>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(1, result.FeedsEnqueued);
        // The queue name is fixed (the trigger binds to it), so other tests may share it: peek, never take.
        var raw = new QueueClient(azurite.ConnectionString, MonitorQueues.FeedPollsName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var peeked = (await raw.PeekMessagesAsync(32)).Value;
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(app.FeedUrl.AbsoluteUri));
        Assert.Contains(peeked, m => m.MessageText == expected);
    }
}
