using System.Collections.Concurrent;

namespace NewsMonitor.Storage.Counting;

/// <summary>
/// Counts storage transactions by kind (<c>blob.get</c>, <c>blob.create</c>, <c>queue.send</c>, ...) as Azure bills
/// them: one per request, a listing one per page of <see cref="ListPageSize"/> names. Thread-safe; fed by
/// <see cref="CountingBlobStore"/> and <see cref="CountingMessageQueue"/>.
/// </summary>
public sealed class StorageTransactionCounter
{
    /// <summary>Names per List Blobs page (the service's maximum, which the Azure SDK asks for).</summary>
    public const int ListPageSize = 5000;

    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public void Add(string kind, long count = 1) => counts.AddOrUpdate(kind, count, (_, c) => c + count);

    /// <summary>The counts so far, by kind, in name order.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public long Total => counts.Values.Sum();

    /// <summary>Transactions that write (Azure's "write operations" price class): every blob or queue request but reads and listings.</summary>
    public long Writes => counts.Where(p => !IsRead(p.Key) && !IsList(p.Key)).Sum(p => p.Value);

    public long Reads => counts.Where(p => IsRead(p.Key)).Sum(p => p.Value);

    public long Lists => counts.Where(p => IsList(p.Key)).Sum(p => p.Value);

    public void Reset() => counts.Clear();

    /// <summary>The counts accumulated since <paramref name="before"/> (a <see cref="Snapshot"/>), by kind.</summary>
    public IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> before) =>
        new SortedDictionary<string, long>(
            Snapshot().Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Count != 0).ToDictionary(p => p.Key, p => p.Count),
            StringComparer.Ordinal);

    public static bool IsRead(string kind) => kind is BlobGet or QueueReceive;

    public static bool IsList(string kind) => kind is BlobList;

    public const string BlobGet = "blob.get";
    public const string BlobCreate = "blob.create";
    public const string BlobReplace = "blob.replace";
    public const string BlobPut = "blob.put";
    public const string BlobDelete = "blob.delete";
    public const string BlobList = "blob.list";
    public const string QueueSend = "queue.send";
    public const string QueueReceive = "queue.receive";
    public const string QueueDelete = "queue.delete";
    public const string QueueUpdate = "queue.update";
}
