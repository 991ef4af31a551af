using NewsMonitor.Queues;

namespace NewsMonitor.Storage.Counting;

/// <summary>An <see cref="IMessageQueue"/> that counts each request it passes on (see <see cref="StorageTransactionCounter"/>).</summary>
public sealed class CountingMessageQueue(IMessageQueue inner, StorageTransactionCounter counter) : IMessageQueue
{
    public string Name => inner.Name;

    public Task<string> SendAsync(string message, TimeSpan? initialVisibilityDelay, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.QueueSend);
        return inner.SendAsync(message, initialVisibilityDelay, cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.QueueReceive);
        return inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);
    }

    public Task<bool> DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.QueueDelete);
        return inner.DeleteAsync(message, cancellationToken);
    }

    public Task<ReceivedMessage?> UpdateAsync(ReceivedMessage message, TimeSpan visibilityTimeout, string? newBody, CancellationToken cancellationToken)
    {
        counter.Add(StorageTransactionCounter.QueueUpdate);
        return inner.UpdateAsync(message, visibilityTimeout, newBody, cancellationToken);
    }
}
