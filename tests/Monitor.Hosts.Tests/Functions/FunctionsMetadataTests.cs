using System.Text.Json.Nodes;
using NewsMonitor.Api;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// The Functions host indexes the app from the functions.metadata the build generates; Core Tools cannot run here, so
/// these tests read that file and check every trigger against what the product promises.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private readonly IReadOnlyDictionary<string, JsonObject> functions = FunctionsBuildOutput.ReadMetadata();

    [Fact]
    public void PollFeedsIsATimerOnThePollScheduleSetting()
    {
        var trigger = FunctionsBuildOutput.Trigger(functions["PollFeeds"]);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%PollSchedule%", (string?)trigger["schedule"]);
    }

    [Fact]
    public void SendDigestsRunsEveryMinute()
    {
        var trigger = FunctionsBuildOutput.Trigger(functions["SendDigests"]);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("0 * * * * *", (string?)trigger["schedule"]);
    }

    [Theory]
    [InlineData("PollFeed", "feed-polls")]
    [InlineData("DeliverAlert", "alert-deliveries")]
    public void QueueFunctionsReadTheirQueues(string name, string queue)
    {
        var trigger = FunctionsBuildOutput.Trigger(functions[name]);

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(queue, (string?)trigger["queueName"]);
    }

    [Fact]
    public void EveryApiRouteIsAnHttpFunctionWithTheSameMethodAndRouteBehindAFunctionKey()
    {
        foreach (var route in ApiRoutes.All)
        {
            Assert.True(functions.TryGetValue(route.Name, out var function), $"functions.metadata has no function {route.Name}.");
            var trigger = FunctionsBuildOutput.Trigger(function);
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal(route.Template, (string?)trigger["route"]);
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => ((string)m!).ToLowerInvariant()));
            Assert.Equal(route.Anonymous ? "anonymous" : "function", ((string?)trigger["authLevel"])?.ToLowerInvariant());
        }
    }

    [Fact]
    public void ThereAreNoOtherFunctions()
    {
        string[] expected = ["PollFeeds", "PollFeed", "DeliverAlert", "Console", "SendDigests", .. ApiRoutes.All.Select(r => r.Name)];

        Assert.Equal(expected.Order(StringComparer.Ordinal), functions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFunctionLivesInTheFunctionsAssembly()
    {
        Assert.All(functions.Values, f =>
        {
            Assert.Equal("NewsMonitor.Functions.dll", (string?)f["scriptFile"]);
            Assert.StartsWith("NewsMonitor.Functions.Functions.", (string?)f["entryPoint"]);
        });
    }
}
