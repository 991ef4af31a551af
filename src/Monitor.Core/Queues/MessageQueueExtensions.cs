namespace NewsMonitor.Queues;

public static class MessageQueueExtensions
{
    /// <summary>Keeps a received message hidden for <paramref name="visibilityTimeout"/> more, body unchanged.</summary>
    public static Task<ReceivedMessage?> ExtendVisibilityAsync(
        this IMessageQueue queue, ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        queue.UpdateAsync(message, visibilityTimeout, newBody: null, cancellationToken);
}
