using Azure.Storage.Queues;
using NewsMonitor.Queues;

namespace NewsMonitor.Tests.Queues;

/// <summary>The queue contract against Azure Storage Queues (Azurite, or MONITOR_TEST_STORAGE), on the real clock.</summary>
public sealed class AzureMessageQueueTests(AzuriteFixture azurite) : MessageQueueContract, IClassFixture<AzuriteFixture>
{
    protected override IMessageQueue CreateQueue() => new AzureMessageQueue(azurite.NewQueue());

    // Azure counts visibility in whole seconds; two keeps "still hidden" checks clear of the boundary.
    protected override TimeSpan ShortVisibility => TimeSpan.FromSeconds(2);

    // The server's clock cannot be moved: wait it out for real.
    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);

    [Fact]
    public async Task Messages_go_over_the_wire_as_Base64_as_the_Functions_QueueTrigger_expects()
    {
        var client = azurite.NewQueue();
        await new AzureMessageQueue(client).SendAsync("""{"story":"Хабомаи"}""", null, Timeout);

        var raw = new QueueClient(azurite.ConnectionString, client.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var peeked = Assert.Single((await raw.PeekMessagesAsync(1, Timeout)).Value);
        Assert.Equal("""{"story":"Хабомаи"}""", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString())));
    }

    [Fact]
    public async Task The_queue_is_created_on_first_use()
    {
        var client = azurite.NewQueue();
        Assert.False((await client.ExistsAsync(Timeout)).Value);

        await new AzureMessageQueue(client).SendAsync("x", null, Timeout);
        Assert.True((await client.ExistsAsync(Timeout)).Value);
    }
}
