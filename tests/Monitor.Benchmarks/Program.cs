using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Monitor.Benchmarks -- --filter '*'` runs every benchmark; see docs/BENCHMARKS.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
