using Azure.Storage.Queues;
using NewsMonitor.Queues;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>
/// The queue names (feed-polls, alert-deliveries) are fixed per storage account, so a host on the shared Azurite would
/// take the messages of any other test using the same account at the same time. This collection runs alone, after
/// the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteAloneCollection
{
    public const string Name = "Azurite end to end (runs alone)";
}

/// <summary>The main flow on Azure Blob and Queue storage (Azurite), in a container of its own.</summary>
[Collection(AzuriteAloneCollection.Name)]
public sealed class AzuriteMatchAlertTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task New_matching_item_is_stored_and_alerted_once_on_azure_storage()
    {
        // Messages left by earlier tests on this account would be worked by this host; start from empty queues.
        var queues = new QueueServiceClient(azurite.ConnectionString, AzureMessageQueue.CreateClientOptions());
        foreach (var name in QueueNames.All)
        {
            var queue = queues.GetQueueClient(name);
            if (await queue.ExistsAsync()) await queue.ClearMessagesAsync();
        }

        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        await using var monitor = await MainFlow.StartAsync(feed, new Dictionary<string, string?>
        {
            ["Monitor:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Monitor:Storage:ContainerName"] = AzuriteFixture.UniqueName("e2e"),
        });

        await MainFlow.RunAsync(monitor, feed);
        Assert.Single(monitor.Receiver.Deliveries);
    }
}
