using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Feeds;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Hosting;

namespace NewsMonitor.Tests.Functions;

/// <summary>The Functions app's service collection, built as Program.cs builds it, can create every function class.</summary>
public sealed class FunctionsAppServicesTests
{
    [Fact]
    public void TheFunctionClassesAreTheExpectedOnes()
    {
        Assert.Equal(
            [typeof(ApiFunctions), typeof(ConsoleFunction), typeof(DeliverAlert), typeof(PollFeed), typeof(PollFeeds), typeof(SendDigests)],
            FunctionsApp.FunctionClasses.OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryFunctionClassIsCreatedFromTheAppsServices()
    {
        await using var app = await FunctionsApp.StartAsync();

        foreach (var type in FunctionsApp.FunctionClasses)
            Assert.IsType(type, ActivatorUtilities.CreateInstance(app.Services, type));
    }

    [Fact]
    public async Task TheOptionsValidatedAtStartAreValid()
    {
        await using var app = await FunctionsApp.StartAsync();

        // What the host runs before starting: ValidateOnStart's checks of every options class.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task TheTimersPollScheduleSettingAlsoPacesTheFeeds()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?> { ["PollSchedule"] = "*/20 * * * * *" });

        Assert.Equal("*/20 * * * * *", app.Services.GetRequiredService<IOptions<MonitorOptions>>().Value.PollSchedule);
        Assert.Equal(TimeSpan.FromSeconds(10), app.Services.GetRequiredService<IOptions<FeedReadingOptions>>().Value.PollInterval);
    }

    [Fact]
    public async Task AnExplicitMonitorPollScheduleWinsOverTheTimersSetting()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?>
        {
            ["PollSchedule"] = "*/20 * * * * *",
            ["Monitor:PollSchedule"] = "0 */10 * * * *",
        });

        Assert.Equal("0 */10 * * * *", app.Services.GetRequiredService<IOptions<MonitorOptions>>().Value.PollSchedule);
    }
}
