namespace NewsMonitor.Storage;

/// <summary>
/// Where to store blobs and queues, bound from the <see cref="SectionName"/> configuration section
/// (environment variables <c>Monitor__Storage__DataDirectory</c>, <c>Monitor__Storage__ConnectionString</c>, ...).
/// Set at most one of: <see cref="DataDirectory"/>; <see cref="ConnectionString"/>; the service URIs.
/// When none is set, the Functions convention <c>AzureWebJobsStorage</c> (a connection string, or
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__clientId</c>) is used if present,
/// and otherwise the folder <see cref="DefaultDataDirectory"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Monitor:Storage";
    public const string DefaultDataDirectory = "./.monitor";
    public const string DefaultContainerName = "newsmonitor";

    /// <summary>Folder mode: the folder holding <c>blobs/</c> and <c>queues/</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Connection-string mode: <c>UseDevelopmentStorage=true</c> for Azurite, or a full connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Identity mode: e.g. https://ACCOUNT.blob.core.windows.net.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Identity mode: e.g. https://ACCOUNT.queue.core.windows.net.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Identity mode: the client id of a user-assigned managed identity; none for a system-assigned one or a developer login.</summary>
    public string? ClientId { get; set; }

    /// <summary>The blob container holding every document of the service.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>The mode these options select (validation rejects ambiguous combinations).</summary>
    public StorageMode ResolveMode() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? StorageMode.ConnectionString
        : BlobServiceUri is not null || QueueServiceUri is not null ? StorageMode.Identity
        : StorageMode.Folder;

    /// <summary>True when none of the three modes was chosen explicitly.</summary>
    internal bool NoModeChosen =>
        string.IsNullOrWhiteSpace(DataDirectory) && string.IsNullOrWhiteSpace(ConnectionString)
        && BlobServiceUri is null && QueueServiceUri is null;
}
