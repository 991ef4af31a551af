namespace NewsMonitor.Storage;

/// <summary>Where the service keeps its blobs and queues.</summary>
public enum StorageMode
{
    /// <summary>A local folder (<c>--data DIR</c>); no server needed.</summary>
    Folder,

    /// <summary>An account reached by connection string: Azurite (<c>UseDevelopmentStorage=true</c>) or Azure with shared keys.</summary>
    ConnectionString,

    /// <summary>An Azure account reached by service URIs and Microsoft Entra ID (managed identity); no keys.</summary>
    Identity,
}
