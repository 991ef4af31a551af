using NewsMonitor.Queues;
using NewsMonitor.Tests.Storage;

namespace NewsMonitor.Tests.Queues;

/// <summary>
/// The behaviour every <see cref="IMessageQueue"/> must share, held against the folder queue (on a fake clock) and
/// the Azure queue (on Azurite's real clock) alike.
/// </summary>
public abstract class MessageQueueContract
{
    /// <summary>An empty queue, fresh for each test.</summary>
    protected abstract IMessageQueue CreateQueue();

    /// <summary>A visibility timeout long enough to see a message stay hidden, short enough to wait out.</summary>
    protected abstract TimeSpan ShortVisibility { get; }

    /// <summary>Lets <paramref name="duration"/> pass on the queue's clock.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    private static readonly TimeSpan LongVisibility = TimeSpan.FromMinutes(10);

    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task An_empty_queue_receives_nothing()
    {
        var queue = CreateQueue();
        Assert.Empty(await queue.ReceiveAsync(32, LongVisibility, Timeout));
    }

    [Fact]
    public async Task A_sent_message_is_received_once_with_its_body_and_a_dequeue_count_of_one()
    {
        var queue = CreateQueue();
        const string body = """{"subscription":"s1","story":"北方領土 — Шикотан 🏝"}""";
        var id = await queue.SendAsync(body, initialVisibilityDelay: null, Timeout);

        var message = Assert.Single(await queue.ReceiveAsync(32, LongVisibility, Timeout));

        Assert.Equal(id, message.Id);
        Assert.Equal(body, message.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.False(string.IsNullOrEmpty(message.PopReceipt));
        Assert.True(message.NextVisibleOn > message.InsertedOn);
        Assert.Empty(await queue.ReceiveAsync(32, LongVisibility, Timeout));
    }

    [Fact]
    public async Task A_received_message_that_is_not_deleted_reappears_with_a_higher_dequeue_count()
    {
        var queue = CreateQueue();
        await queue.SendAsync("retry me", null, Timeout);
        var first = Assert.Single(await queue.ReceiveAsync(1, ShortVisibility, Timeout));

        await LetTimePassAsync(ShortVisibility);
        var second = await ReceiveOneAsync(queue);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("retry me", second.Body);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task Delete_with_the_current_pop_receipt_removes_the_message_for_good()
    {
        var queue = CreateQueue();
        await queue.SendAsync("done", null, Timeout);
        var message = Assert.Single(await queue.ReceiveAsync(1, ShortVisibility, Timeout));

        Assert.True(await queue.DeleteAsync(message, Timeout));
        Assert.False(await queue.DeleteAsync(message, Timeout));
        await LetTimePassAsync(ShortVisibility);
        Assert.Empty(await queue.ReceiveAsync(32, LongVisibility, Timeout));
    }

    [Fact]
    public async Task Once_a_message_is_received_again_the_old_pop_receipt_no_longer_deletes_or_updates_it()
    {
        var queue = CreateQueue();
        await queue.SendAsync("contested", null, Timeout);
        var stale = Assert.Single(await queue.ReceiveAsync(1, ShortVisibility, Timeout));
        await LetTimePassAsync(ShortVisibility);
        var current = await ReceiveOneAsync(queue);

        Assert.False(await queue.DeleteAsync(stale, Timeout));
        Assert.Null(await queue.UpdateAsync(stale, TimeSpan.Zero, "hijacked", Timeout));
        Assert.True(await queue.DeleteAsync(current, Timeout));
    }

    [Fact]
    public async Task Update_with_zero_visibility_and_a_new_body_makes_the_message_visible_again_at_once()
    {
        var queue = CreateQueue();
        await queue.SendAsync("attempt 1", null, Timeout);
        var received = Assert.Single(await queue.ReceiveAsync(1, LongVisibility, Timeout));

        var updated = await queue.UpdateAsync(received, TimeSpan.Zero, "attempt 2", Timeout);

        Assert.NotNull(updated);
        Assert.Equal("attempt 2", updated.Body);
        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.False(await queue.DeleteAsync(received, Timeout));
        var again = await ReceiveOneAsync(queue);
        Assert.Equal((received.Id, "attempt 2", 2L), (again.Id, again.Body, again.DequeueCount));
    }

    [Fact]
    public async Task Extending_visibility_keeps_the_message_hidden_and_its_body_unchanged()
    {
        var queue = CreateQueue();
        await queue.SendAsync("slow work", null, Timeout);
        var received = Assert.Single(await queue.ReceiveAsync(1, ShortVisibility, Timeout));

        var extended = await queue.ExtendVisibilityAsync(received, LongVisibility, Timeout);
        await LetTimePassAsync(ShortVisibility + ShortVisibility);

        Assert.NotNull(extended);
        Assert.Empty(await queue.ReceiveAsync(32, LongVisibility, Timeout));
        var released = await queue.ExtendVisibilityAsync(extended, TimeSpan.Zero, Timeout);
        var again = await ReceiveOneAsync(queue);
        Assert.Equal(("slow work", 2L), (again.Body, again.DequeueCount));
        Assert.False(await queue.DeleteAsync(released!, Timeout));
        Assert.True(await queue.DeleteAsync(again, Timeout));
    }

    [Fact]
    public async Task A_message_sent_with_a_delay_stays_hidden_until_the_delay_passes()
    {
        var queue = CreateQueue();
        var id = await queue.SendAsync("later", ShortVisibility, Timeout);

        Assert.Empty(await queue.ReceiveAsync(32, LongVisibility, Timeout));
        await LetTimePassAsync(ShortVisibility);
        var message = await ReceiveOneAsync(queue);
        Assert.Equal((id, "later", 1L), (message.Id, message.Body, message.DequeueCount));
    }

    [Fact]
    public async Task Receive_returns_at_most_the_requested_number_of_distinct_messages()
    {
        var queue = CreateQueue();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendAsync($"m{i}", null, Timeout);
        }

        var first = await queue.ReceiveAsync(3, LongVisibility, Timeout);
        var rest = await queue.ReceiveAsync(32, LongVisibility, Timeout);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Equal(
            ["m0", "m1", "m2", "m3", "m4"],
            first.Concat(rest).Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_receivers_never_get_the_same_message()
    {
        var queue = CreateQueue();
        const int messages = 12;
        for (var i = 0; i < messages; i++)
        {
            await queue.SendAsync($"m{i}", null, Timeout);
        }

        var batches = await Race.RunAsync(8, _ => queue.ReceiveAsync(4, LongVisibility, Timeout));

        var bodies = batches.SelectMany(batch => batch).Select(m => m.Body).ToList();
        Assert.Equal(bodies.Count, bodies.Distinct().Count());
        Assert.Equal(messages, bodies.Count);
    }

    [Fact]
    public async Task Arguments_outside_Azure_limits_are_rejected()
    {
        var queue = CreateQueue();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(0, LongVisibility, Timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(33, LongVisibility, Timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(1, TimeSpan.Zero, Timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendAsync("x", TimeSpan.FromDays(8), Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('x', QueueLimits.MaxBodyBytes + 1), null, Timeout));
        var largest = new string('x', QueueLimits.MaxBodyBytes);
        await queue.SendAsync(largest, null, Timeout);
        Assert.Equal(largest, Assert.Single(await queue.ReceiveAsync(1, LongVisibility, Timeout)).Body);
    }

    /// <summary>Receives the one message expected to be visible by now; a real clock may need a moment more.</summary>
    private static async Task<ReceivedMessage> ReceiveOneAsync(IMessageQueue queue)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var received = await queue.ReceiveAsync(32, LongVisibility, Timeout);
            if (received.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(received);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
