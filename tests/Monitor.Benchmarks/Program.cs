using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks.Scan;

// `dotnet run -c Release --project tests/Monitor.Benchmarks -- --filter '*'` runs every benchmark; see docs/BENCHMARKS.md.
// `... -- scan-feeds` times the real `monitor scan` over 1,000 loopback feeds instead (not a BenchmarkDotNet benchmark).
if (args.Length > 0 && args[0] == ScanFeedsHarness.Command)
    return await ScanFeedsHarness.RunAsync(args[1..]);

// Not typeof(Program): monitor.dll (referenced for the harness) has a public Program too.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
