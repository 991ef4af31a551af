namespace NewsMonitor.Queues;

/// <summary>
/// An at-least-once message queue with the semantics of Azure Storage Queues: a received message is hidden for a
/// visibility timeout and reappears (with its dequeue count raised) unless deleted in time. Two implementations share
/// one contract test suite: <see cref="AzureMessageQueue"/> (Azure, Azurite) and <see cref="FolderMessageQueue"/>.
/// Messages never expire on their own. Limits are in <see cref="QueueLimits"/>.
/// </summary>
public interface IMessageQueue
{
    /// <summary>The queue's name.</summary>
    string Name { get; }

    /// <summary>Enqueues <paramref name="message"/>, hidden for <paramref name="initialVisibilityDelay"/> (none when null). Returns its id.</summary>
    Task<string> SendAsync(string message, TimeSpan? initialVisibilityDelay, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Deletes a received message. False when its pop receipt is no longer current (it was received again or updated) or it is gone.</summary>
    Task<bool> DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Hides a received message for <paramref name="visibilityTimeout"/> from now (zero: visible at once), replacing its
    /// body when <paramref name="newBody"/> is given; this is how a failed delivery is rescheduled. Returns the message
    /// with its new pop receipt, or null when the pop receipt is no longer current or the message is gone.
    /// </summary>
    Task<ReceivedMessage?> UpdateAsync(
        ReceivedMessage message, TimeSpan visibilityTimeout, string? newBody, CancellationToken cancellationToken);
}
