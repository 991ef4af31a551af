using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NewsMonitor.Queues;

namespace NewsMonitor.Tests;

/// <summary>
/// Storage for integration tests (an xunit class or collection fixture). When <see cref="ConnectionStringVariable"/>
/// holds a connection string, tests use that account; otherwise an Azurite from tests/azurite (installed with
/// <c>npm ci --prefix tests/azurite</c>) is started on free 127.0.0.1 ports and killed when the last fixture goes.
/// Tests take unique container and queue names from <see cref="UniqueName"/>, so they can run in parallel.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Environment variable naming an existing storage account to test against instead of a private Azurite.</summary>
    public const string ConnectionStringVariable = "MONITOR_TEST_STORAGE";

    // Azurite's documented, public development account key (not a secret).
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private bool startedAzurite;

    /// <summary>Connection string with explicit BlobEndpoint and QueueEndpoint.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The connection string for Azurite's development account at the given service addresses.</summary>
    public static string ConnectionStringFor(string blobAddress, string queueAddress) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccount};AccountKey={DevelopmentKey};" +
        $"BlobEndpoint={blobAddress.TrimEnd('/')}/{DevelopmentAccount};QueueEndpoint={queueAddress.TrimEnd('/')}/{DevelopmentAccount};";

    /// <summary>A fresh name valid for both containers and queues (lowercase letters and digits, 3–63 characters).</summary>
    public static string UniqueName(string prefix = "test") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 32)];

    /// <summary>A client for a container that does not exist yet, under a fresh name.</summary>
    public BlobContainerClient NewBlobContainer() =>
        new BlobServiceClient(ConnectionString).GetBlobContainerClient(UniqueName("blobs"));

    /// <summary>A client for a queue that does not exist yet, under a fresh name, with the Base64 encoding the app uses.</summary>
    public QueueClient NewQueue() =>
        new QueueServiceClient(ConnectionString, AzureMessageQueue.CreateClientOptions()).GetQueueClient(UniqueName("queue"));

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        var server = await AzuriteServer.AcquireAsync();
        startedAzurite = true;
        ConnectionString = server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (startedAzurite)
        {
            startedAzurite = false;
            await AzuriteServer.ReleaseAsync();
        }
    }
}
