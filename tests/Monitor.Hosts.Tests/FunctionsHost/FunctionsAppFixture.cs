using System.Diagnostics;
using Azure.Storage.Queues;
using NewsMonitor.Queues;
using NewsMonitor.Testing;
using NewsMonitor.Tests.Functions;

namespace NewsMonitor.Tests.FunctionsHost;

/// <summary>
/// What an end-to-end test of the Functions app in the real host needs, set up once per test class: the app published
/// with <c>dotnet publish</c>, storage (the test run's Azurite from <c>MONITOR_TEST_STORAGE</c>, else a private one),
/// a loopback feed server and webhook receiver, and <see cref="StartHostAsync"/> to run the host against them (again
/// after a crash: same storage, same container). Add checks by writing tests that use it as a class fixture.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();
    private readonly List<FunctionsHostProcess> _hosts = [];
    private readonly string _root = Directory.CreateTempSubdirectory("newsmonitor-functions-host-").FullName;

    public string AppDirectory => Path.Combine(_root, "app");

    /// <summary>Extraction cache and key files of the host; the same for every start, so keys survive a restart.</summary>
    public string HostCacheDirectory => Path.Combine(_root, "host");

    public string ConnectionString => _storage.ConnectionString;

    /// <summary>The app's blob container: unique per fixture, so runs never see each other's matches or subscriptions.</summary>
    public string ContainerName { get; } = AzuriteFixture.UniqueName("fnhost");

    public FeedServer Feeds { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (FunctionsHostLocator.Command is null) return; // every test is skipped; nothing to prepare
        await _storage.InitializeAsync();
        Feeds = await FeedServer.StartAsync();
        Receiver = await WebhookReceiver.StartAsync();
        await PublishAsync();
        await ClearQueuesAsync();
    }

    /// <summary>Runs the host for the published app. Settings reach host and worker as environment variables, as app settings do.</summary>
    public async Task<FunctionsHostProcess> StartHostAsync(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["Monitor__Storage__ContainerName"] = ContainerName,
            ["Monitor__AllowPrivateNetworks"] = "true",
            ["Monitor__Webhooks__RequireHttps"] = "false",
            ["Monitor__FeedsFile"] = "",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        var host = await FunctionsHostProcess.StartAsync(FunctionsHostLocator.Command!, AppDirectory, HostCacheDirectory, environment);
        _hosts.Add(host);
        return host;
    }

    /// <summary>The function names of the published app's functions.metadata: what the host must index.</summary>
    public IReadOnlyCollection<string> MetadataFunctionNames()
    {
        var entries = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppDirectory, "functions.metadata")))!.AsArray();
        return entries.Select(e => (string)e!["name"]!).ToHashSet(StringComparer.Ordinal);
    }

    private async Task PublishAsync()
    {
        var project = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "src", "Monitor.Functions");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Debug", "-o", AppDirectory, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(deadline.Token);
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await error}");
    }

    // The queues' names are fixed by the trigger attributes; tests on the shared account that leave messages behind
    // would otherwise be worked by this host (the test class runs alone in its collection).
    private async Task ClearQueuesAsync()
    {
        var queues = new QueueServiceClient(ConnectionString, AzureMessageQueue.CreateClientOptions());
        foreach (var name in QueueNames.All)
        {
            var queue = queues.GetQueueClient(name);
            if (await queue.ExistsAsync()) await queue.ClearMessagesAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        if (Receiver is not null) await Receiver.DisposeAsync();
        if (Feeds is not null) await Feeds.DisposeAsync();
        if (FunctionsHostLocator.Command is not null) await _storage.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a host file still held: left in the temp folder */ }
    }
}
