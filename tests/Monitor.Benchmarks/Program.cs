using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks;
using NewsMonitor.Benchmarks.Scan;

// `dotnet run -c Release --project tests/Monitor.Benchmarks -- --filter '*' --job short` runs every benchmark; see docs/BENCHMARKS.md.
// `-- --check` prints, without BenchmarkDotNet, how many topics the generated items match and how long compiling takes.
// `-- pipeline` measures the poll pipeline (first poll, storage transactions, cost); see docs/BENCHMARKS.md.
// `-- scan-feeds` times the real `monitor scan` over 1,000 loopback feeds instead (not a BenchmarkDotNet benchmark).
if (args is ["--check"])
{
    CorpusCheck.Run();
    return 0;
}
if (args.Length > 0 && args[0] == NewsMonitor.Benchmarks.Pipeline.PipelineHarness.Command)
    return await NewsMonitor.Benchmarks.Pipeline.PipelineHarness.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == ScanFeedsHarness.Command)
    return await ScanFeedsHarness.RunAsync(args[1..]);

// Not typeof(Program): monitor.dll (referenced for the harness) has a public Program too.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
