using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Items per second for ~2 KB news items against 10, 1,000 and 10,000 topics, normalisation included:
/// the presearcher TopicMatcher against a naive per-topic Contains loop, in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MatchingBenchmarks
{
    private const int ItemsPerOperation = 200;

    private NewsItem[] _items = [];
    private TopicMatcher _matcher = TopicMatcher.Empty;
    private NaiveContainsMatcher _naive = new([]);

    [Params(10, 1_000, 10_000)]
    public int Topics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _items = NewsCorpus.Items(ItemsPerOperation);
        var topics = NewsCorpus.Topics(Topics);
        _matcher = TopicMatcher.Compile(topics);
        _naive = new NaiveContainsMatcher(topics);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ItemsPerOperation)]
    public int NaiveContains()
    {
        var matched = 0;
        foreach (var item in _items) matched += _naive.Match(item);
        return matched;
    }

    [Benchmark(OperationsPerInvoke = ItemsPerOperation)]
    public int Presearcher()
    {
        var matched = 0;
        foreach (var item in _items) matched += _matcher.Match(item).Count;
        return matched;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ItemsPerSecondColumn());
    }
}
