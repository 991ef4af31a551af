using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Queues;
using NewsMonitor.Tests.Storage;

namespace NewsMonitor.Tests.Queues;

/// <summary>The queue contract against a folder on a fake clock, plus what only a folder can get wrong.</summary>
public sealed class FolderMessageQueueTests : MessageQueueContract, IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-queue-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    public void Dispose() => root.Delete(recursive: true);

    protected override IMessageQueue CreateQueue() => new FolderMessageQueue(QueueFolder, clock);

    protected override TimeSpan ShortVisibility => TimeSpan.FromSeconds(30);

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        clock.Advance(duration);
        return Task.CompletedTask;
    }

    private string QueueFolder => Path.Combine(root.FullName, QueueNames.AlertDeliveries);

    [Fact]
    public void The_queue_is_named_after_its_folder() =>
        Assert.Equal(QueueNames.AlertDeliveries, CreateQueue().Name);

    [Fact]
    public async Task Times_come_from_the_time_provider()
    {
        var queue = CreateQueue();
        await queue.SendAsync("x", TimeSpan.FromSeconds(5), Timeout);
        clock.Advance(TimeSpan.FromSeconds(5));

        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1), Timeout));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), message.InsertedOn);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), message.NextVisibleOn);
    }

    [Fact]
    public async Task A_message_sent_by_one_instance_is_received_and_deleted_through_another()
    {
        await CreateQueue().SendAsync("across processes", null, Timeout);

        var other = new FolderMessageQueue(QueueFolder, clock);
        var message = Assert.Single(await other.ReceiveAsync(1, TimeSpan.FromMinutes(1), Timeout));
        Assert.Equal("across processes", message.Body);
        Assert.True(await CreateQueue().DeleteAsync(message, Timeout));
    }

    // Separate instances share no in-process gate: only the OS file lock keeps them apart, as between processes.
    [Fact]
    public async Task Receivers_on_separate_instances_never_get_the_same_message()
    {
        var sender = CreateQueue();
        for (var i = 0; i < 12; i++)
        {
            await sender.SendAsync($"m{i}", null, Timeout);
        }

        var batches = await Race.RunAsync(8, _ =>
            new FolderMessageQueue(QueueFolder, clock).ReceiveAsync(4, TimeSpan.FromMinutes(1), Timeout));

        var bodies = batches.SelectMany(batch => batch).Select(m => m.Body).ToList();
        Assert.Equal(12, bodies.Count);
        Assert.Equal(12, bodies.Distinct().Count());
    }

    [Fact]
    public async Task A_forged_message_id_is_not_a_path()
    {
        var queue = CreateQueue();
        var forged = new ReceivedMessage("../../etc/passwd", "receipt", "x", 1, clock.GetUtcNow(), clock.GetUtcNow());

        Assert.False(await queue.DeleteAsync(forged, Timeout));
        Assert.Null(await queue.UpdateAsync(forged, TimeSpan.Zero, null, Timeout));
    }
}
