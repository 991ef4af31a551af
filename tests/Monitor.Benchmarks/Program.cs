using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks;

// `dotnet run -c Release --project tests/Monitor.Benchmarks -- --filter '*' --job short` runs every benchmark; see docs/BENCHMARKS.md.
// `-- --check` prints, without BenchmarkDotNet, how many topics the generated items match and how long compiling takes.
if (args is ["--check"])
{
    CorpusCheck.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
