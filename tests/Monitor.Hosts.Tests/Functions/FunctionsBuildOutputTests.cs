using System.Text.Json.Nodes;
using NewsMonitor.Hosting;

namespace NewsMonitor.Tests.Functions;

/// <summary>host.json lives at the repository root and is linked into the Functions project: the build must carry that very file.</summary>
public sealed class FunctionsBuildOutputTests
{
    [Fact]
    public void TheRootHostJsonIsTheOneInTheFunctionsOutput()
    {
        var root = File.ReadAllBytes(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "host.json"));
        var built = File.ReadAllBytes(Path.Combine(FunctionsBuildOutput.Directory, "host.json"));

        Assert.Equal(root, built);
    }

    [Fact]
    public void TheFunctionsProjectHasNoHostJsonOfItsOwn()
    {
        // A second host.json in src/Monitor.Functions would shadow the linked one in the build output.
        Assert.False(File.Exists(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "src", "Monitor.Functions", "host.json")));
    }

    [Fact]
    public void BothHostsGiveUpOnAQueueMessageAfterTheSameNumberOfTries()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "host.json")))!;

        Assert.Equal(QueueWorker.MaxDequeueCount, (int)hostJson["extensions"]!["queues"]!["maxDequeueCount"]!);
    }
}
