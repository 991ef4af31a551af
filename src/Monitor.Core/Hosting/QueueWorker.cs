using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsMonitor.Queues;

namespace NewsMonitor.Hosting;

/// <summary>
/// The local host's stand-in for a queue trigger: receives messages and hands each to the same handler the
/// Functions app binds, at most <paramref name="maxConcurrency"/> at a time. A message is deleted only after its
/// handler returned, so a crash leaves it to reappear (at least once); after <see cref="MaxDequeueCount"/>
/// failed tries it is dropped as poison, as the Functions host does.
/// </summary>
public sealed class QueueWorker(
    string name,
    IMessageQueue queue,
    Func<string, CancellationToken, Task> handle,
    int maxConcurrency,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    public const int MaxDequeueCount = 5;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedMessage> messages;
            try
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                slots.Release();
                messages = await queue.ReceiveAsync(Math.Max(1, slots.CurrentCount), VisibilityTimeout, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (Storage.StorageFailures.Describe(e) is { } what)
            {
                logger.LogError("Receiving from queue {Queue} failed: storage is unavailable: {What}", name, what);
                messages = [];
            }
            catch (Exception e)
            {
                logger.LogError(e, "Receiving from queue {Queue} failed", name);
                messages = [];
            }

            if (messages.Count == 0)
            {
                try { await Task.Delay(IdleDelay, time, stoppingToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                continue;
            }

            foreach (var message in messages)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                running.Add(ProcessAsync(message, slots, stoppingToken));
            }
            running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task ProcessAsync(ReceivedMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > MaxDequeueCount)
            {
                logger.LogError("Message {MessageId} on {Queue} failed {Count} times; dropped as poison: {Body}", message.Id, name, message.DequeueCount - 1, message.Body);
            }
            else
            {
                await handle(message.Body, stoppingToken).ConfigureAwait(false);
            }
            await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left on the queue: it reappears after its visibility timeout.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling message {MessageId} on {Queue} failed (try {Count}); it will be retried", message.Id, name, message.DequeueCount);
        }
        finally
        {
            slots.Release();
        }
    }
}
