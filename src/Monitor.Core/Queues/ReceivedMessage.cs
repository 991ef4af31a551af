namespace NewsMonitor.Queues;

/// <summary>
/// A message handed out by <see cref="IMessageQueue.ReceiveAsync"/>. It stays invisible to other receivers until
/// <see cref="NextVisibleOn"/>; deleting or updating it needs the <see cref="PopReceipt"/> of this very receipt.
/// </summary>
/// <param name="Id">Stable for the message's whole life.</param>
/// <param name="PopReceipt">Changes on every receive and update; proves the holder still owns the message.</param>
/// <param name="Body">The text that was sent (or set by the last update).</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertedOn">When it was sent.</param>
/// <param name="NextVisibleOn">When it reappears unless it is deleted or updated first.</param>
public sealed record ReceivedMessage(
    string Id,
    string PopReceipt,
    string Body,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset NextVisibleOn);
