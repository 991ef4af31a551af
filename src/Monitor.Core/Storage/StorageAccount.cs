using System.Collections.Concurrent;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using NewsMonitor.Queues;

namespace NewsMonitor.Storage;

/// <summary>
/// The service's storage, built from <see cref="StorageOptions"/>: one blob store (the container) and named queues
/// (<see cref="QueueNames"/>), in a folder, behind a connection string, or behind managed identity.
/// </summary>
public sealed class StorageAccount
{
    private readonly Func<string, IMessageQueue> openQueue;
    private readonly ConcurrentDictionary<string, IMessageQueue> queues = new(StringComparer.Ordinal);

    private StorageAccount(StorageMode mode, string description, IBlobStore blobs, Func<string, IMessageQueue> openQueue)
    {
        Mode = mode;
        Description = description;
        Blobs = blobs;
        this.openQueue = openQueue;
    }

    public StorageMode Mode { get; }

    /// <summary>Where the data lives, for a startup log line; never contains a key.</summary>
    public string Description { get; }

    /// <summary>The container (or folder) holding every document of the service.</summary>
    public IBlobStore Blobs { get; }

    /// <summary>The queue called <paramref name="name"/> (see <see cref="QueueNames"/>); the same instance on every call.</summary>
    public IMessageQueue GetQueue(string name)
    {
        if (!StorageOptionsValidator.IsValidResourceName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid queue name.", nameof(name));
        }

        return queues.GetOrAdd(name, openQueue);
    }

    /// <summary>
    /// The same storage with every blob and queue request counted by <paramref name="counter"/> (the pipeline
    /// benchmark and the transaction-count tests use it; see docs/BENCHMARKS.md).
    /// </summary>
    public StorageAccount WithTransactionCounter(Counting.StorageTransactionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return new StorageAccount(Mode, Description, new Counting.CountingBlobStore(Blobs, counter),
            name => new Counting.CountingMessageQueue(GetQueue(name), counter));
    }

    /// <summary>Validates <paramref name="options"/> and opens the storage they name. Nothing is contacted until first use.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static StorageAccount Create(StorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var validation = new StorageOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), validation.Failures);
        }

        var mode = options.ResolveMode();
        return mode switch
        {
            StorageMode.Folder => InFolder(options, time),
            StorageMode.ConnectionString => FromServices(
                mode,
                new BlobServiceClient(options.ConnectionString),
                new QueueServiceClient(options.ConnectionString, AzureMessageQueue.CreateClientOptions()),
                options.ContainerName),
            _ => FromServices(mode, IdentityBlobService(options), IdentityQueueService(options), options.ContainerName),
        };
    }

    /// <summary>Thread-pool threads the folder store wants ready: see <see cref="InFolder"/>.</summary>
    internal const int FolderStoreMinThreads = 64;

    private static StorageAccount InFolder(StorageOptions options, TimeProvider time)
    {
        // Each folder write ends in an fsync that blocks its thread for a few milliseconds. A poll writes many blobs at
        // once, and the pool would otherwise add threads one every half second while those writes queue behind two.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < FolderStoreMinThreads) ThreadPool.SetMinThreads(FolderStoreMinThreads, completionPorts);
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.DataDirectory) ? StorageOptions.DefaultDataDirectory : options.DataDirectory);
        try
        {
            FolderHygiene.Tidy(root, time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unusable folder is reported by the start check and by every request (503), with its reason.
        }
        return new StorageAccount(
            StorageMode.Folder,
            $"folder {root}",
            new FolderBlobStore(Path.Combine(root, "blobs", options.ContainerName)),
            name => new FolderMessageQueue(Path.Combine(root, "queues", name), time));
    }

    private static StorageAccount FromServices(StorageMode mode, BlobServiceClient blobs, QueueServiceClient queues, string container) =>
        new(
            mode,
            $"{blobs.Uri.GetLeftPart(UriPartial.Path)} container {container}, queues at {queues.Uri.GetLeftPart(UriPartial.Path)}",
            new AzureBlobStore(blobs.GetBlobContainerClient(container)),
            name => new AzureMessageQueue(queues.GetQueueClient(name)));

    // The deployment disables shared keys: a managed identity in Azure, a developer's login (az, VS) elsewhere.
    private static DefaultAzureCredential Credential(StorageOptions options) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });

    private static BlobServiceClient IdentityBlobService(StorageOptions options) =>
        new(options.BlobServiceUri, Credential(options));

    private static QueueServiceClient IdentityQueueService(StorageOptions options) =>
        new(options.QueueServiceUri, Credential(options), AzureMessageQueue.CreateClientOptions());
}
