using System.Text.Json;
using NewsMonitor.Storage;

namespace NewsMonitor.Queues;

/// <summary>
/// An <see cref="IMessageQueue"/> in a local folder, for running with no storage server; same contract as
/// <see cref="AzureMessageQueue"/>. Each message is one JSON file, rewritten atomically on every receive and update.
/// Receives, updates and deletes take the queue's lock (in-process and a file lock), so several processes may
/// consume one folder. Time comes from the <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
/// <remarks>A receive reads every message file; that suits the small local queues this backend is meant for.</remarks>
public sealed class FolderMessageQueue : IMessageQueue
{
    private const string MessageSuffix = ".msg";
    private const string QueueLockKey = "queue";

    private readonly string directory;
    private readonly TimeProvider time;
    private readonly FolderLocks locks;

    public FolderMessageQueue(string directory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        this.directory = Path.GetFullPath(directory);
        this.time = time;
        locks = new FolderLocks(Path.Combine(this.directory, ".locks"));
        Name = Path.GetFileName(this.directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
    }

    public string Name { get; }

    public async Task<string> SendAsync(string message, TimeSpan? initialVisibilityDelay, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateSend(message, initialVisibilityDelay);
        var delay = initialVisibilityDelay ?? TimeSpan.Zero;
        var now = time.GetUtcNow();
        var stored = new StoredMessage(Guid.NewGuid().ToString("N"), message, now, now + delay, DequeueCount: 0, PopReceipt: null);
        // A new id names a new file, so a send needs no lock: nothing else can be writing that file.
        await WriteAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored.Id;
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateReceive(maxMessages, visibilityTimeout);
        using var held = await locks.AcquireAsync(QueueLockKey, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var visible = new List<StoredMessage>();
        foreach (var path in MessageFiles())
        {
            var stored = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.NextVisibleOn <= now)
            {
                visible.Add(stored);
            }
        }

        var received = new List<ReceivedMessage>();
        foreach (var stored in visible.OrderBy(m => m.InsertedOn).ThenBy(m => m.Id, StringComparer.Ordinal).Take(maxMessages))
        {
            var taken = stored with
            {
                DequeueCount = stored.DequeueCount + 1,
                PopReceipt = NewPopReceipt(),
                NextVisibleOn = now + visibilityTimeout,
            };
            await WriteAsync(taken, cancellationToken).ConfigureAwait(false);
            received.Add(taken.ToReceived());
        }

        return received;
    }

    public async Task<bool> DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var held = await locks.AcquireAsync(QueueLockKey, cancellationToken).ConfigureAwait(false);
        if (await ReadOwnedAsync(message, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        File.Delete(PathOf(message.Id));
        return true;
    }

    public async Task<ReceivedMessage?> UpdateAsync(
        ReceivedMessage message, TimeSpan visibilityTimeout, string? newBody, CancellationToken cancellationToken)
    {
        QueueLimits.ValidateUpdate(message, visibilityTimeout, newBody);
        using var held = await locks.AcquireAsync(QueueLockKey, cancellationToken).ConfigureAwait(false);
        var stored = await ReadOwnedAsync(message, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var updated = stored with
        {
            Body = newBody ?? stored.Body,
            PopReceipt = NewPopReceipt(),
            NextVisibleOn = time.GetUtcNow() + visibilityTimeout,
        };
        await WriteAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated.ToReceived();
    }

    /// <summary>The stored message when <paramref name="message"/>'s pop receipt is still the current one, else null.</summary>
    private async Task<StoredMessage?> ReadOwnedAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(message.Id, "N", out _))
        {
            return null;
        }

        var stored = await ReadAsync(PathOf(message.Id), cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.PopReceipt == message.PopReceipt ? stored : null;
    }

    private IEnumerable<string> MessageFiles() =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*" + MessageSuffix) : [];

    private string PathOf(string id) => Path.Combine(directory, id + MessageSuffix);

    private static string NewPopReceipt() => Guid.NewGuid().ToString("N");

    private static async Task<StoredMessage?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await AtomicFile.ReadOrNullAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize<StoredMessage>(bytes, JsonBlobs.SerializerOptions);
    }

    private Task WriteAsync(StoredMessage message, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            PathOf(message.Id), [JsonSerializer.SerializeToUtf8Bytes(message, JsonBlobs.SerializerOptions)], overwrite: true, cancellationToken);

    private sealed record StoredMessage(
        string Id, string Body, DateTimeOffset InsertedOn, DateTimeOffset NextVisibleOn, long DequeueCount, string? PopReceipt)
    {
        public ReceivedMessage ToReceived() => new(Id, PopReceipt!, Body, DequeueCount, InsertedOn, NextVisibleOn);
    }
}
