using NewsMonitor.Benchmarks.Pipeline;

namespace NewsMonitor.Tests.Benchmarks;

/// <summary>
/// The pipeline benchmark of docs/BENCHMARKS.md (tests/Monitor.Benchmarks/Pipeline, compiled into this project too)
/// in its short mode, so the documented command keeps working. Its own checks run (every poll finds the expected
/// matches, every alert arrives and verifies, no story is alerted twice); no timing is asserted.
/// </summary>
public sealed class PipelineBenchmarkTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture azurite;

    public PipelineBenchmarkTests(AzuriteFixture azurite) => this.azurite = azurite;

    [Fact]
    public async Task The_pipeline_benchmark_runs_in_its_short_mode_on_the_folder_store_and_on_Azurite()
    {
        var output = new StringWriter();

        var exit = await PipelineHarness.RunAsync(["--short", "--azurite", azurite.ConnectionString], output);

        var report = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("| folder | 300 | 200 |", report);
        Assert.Contains("| Azurite | 1,200 | 800 |", report);
        Assert.Contains("Per unchanged feed:", report);
        Assert.Contains("## First poll measured from outside", report);
        Assert.Contains("| 10,000 |", report);
        Assert.Contains("## Latency", report);
        Assert.DoesNotContain("## Scale-out", report); // full mode only
    }
}
