using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using NewsMonitor.Storage;

namespace NewsMonitor.Queues;

/// <summary>
/// An <see cref="IMessageQueue"/> over an Azure Storage queue (Azure or Azurite). The queue is created on first use.
/// The <see cref="QueueClient"/> must be built with <see cref="CreateClientOptions"/> (or otherwise with
/// <see cref="QueueMessageEncoding.Base64"/>): the Functions QueueTrigger decodes message bodies as Base64.
/// </summary>
public sealed class AzureMessageQueue : IMessageQueue
{
    // Messages must not silently expire (Azure's default is 7 days): an alert waits for its retries as long as it takes.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient queue;
    private readonly AsyncOnce createQueue;

    public AzureMessageQueue(QueueClient queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        this.queue = queue;
        createQueue = new AsyncOnce(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public string Name => queue.Name;

    /// <summary>The client this queue talks through.</summary>
    public QueueClient Client => queue;

    /// <summary>Client options for queues that a Functions QueueTrigger reads: Base64 message encoding.</summary>
    public static QueueClientOptions CreateClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task<string> SendAsync(string message, TimeSpan? initialVisibilityDelay, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateSend(message, initialVisibilityDelay);
        await createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var receipt = await queue.SendMessageAsync(message, initialVisibilityDelay, NeverExpires, cancellationToken).ConfigureAwait(false);
        return receipt.Value.MessageId;
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateReceive(maxMessages, visibilityTimeout);
        await createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var messages = await queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return
        [
            .. messages.Value.Select(m => new ReceivedMessage(
                m.MessageId,
                m.PopReceipt,
                m.Body.ToString(),
                m.DequeueCount,
                m.InsertedOn ?? DateTimeOffset.MinValue,
                m.NextVisibleOn ?? DateTimeOffset.MinValue)),
        ];
    }

    public async Task<bool> DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (IsLostReceipt(e))
        {
            return false;
        }
    }

    public async Task<ReceivedMessage?> UpdateAsync(
        ReceivedMessage message, TimeSpan visibilityTimeout, string? newBody, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateUpdate(message, visibilityTimeout, newBody);
        try
        {
            // A null body leaves the message's content as it is.
            var receipt = (await queue.UpdateMessageAsync(
                message.Id, message.PopReceipt, newBody is null ? null : BinaryData.FromString(newBody), visibilityTimeout, cancellationToken)
                .ConfigureAwait(false)).Value;
            return message with { PopReceipt = receipt.PopReceipt, Body = newBody ?? message.Body, NextVisibleOn = receipt.NextVisibleOn };
        }
        catch (RequestFailedException e) when (IsLostReceipt(e))
        {
            return null;
        }
    }

    // 404: the message (with that pop receipt) is gone; 400 PopReceiptMismatch: someone received or updated it since.
    private static bool IsLostReceipt(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString());
}
