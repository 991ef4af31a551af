using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class TermAutomatonTests
{
    private struct Collector : IPatternSink
    {
        public List<(int Pattern, int Start, int End)> Found;

        public void OnMatch(int pattern, int start, int end) => Found.Add((pattern, start, end));
    }

    [Fact]
    public void Finds_overlapping_and_nested_patterns_in_one_pass()
    {
        var automaton = new TermAutomaton(["歯舞", "歯舞群島", "舞群", "群島", "島"]);
        var sink = new Collector { Found = [] };
        automaton.Search("元島民が歯舞群島へ", ref sink);

        Assert.Equal(
            [(4, 1, 2), (0, 4, 6), (2, 5, 7), (1, 4, 8), (3, 6, 8), (4, 7, 8)],
            sink.Found);
    }

    [Fact]
    public void Characters_in_no_pattern_reset_the_search()
    {
        var automaton = new TermAutomaton(["平和条約"]);
        var sink = new Collector { Found = [] };
        automaton.Search("平和と条約、平和条約", ref sink);
        Assert.Equal([(0, 6, 10)], sink.Found);
    }

    [Fact]
    public void Many_patterns_with_shared_prefixes_are_all_found()
    {
        var patterns = Enumerable.Range(0, 3000).Select(i => $"北方{i}").ToArray();
        var automaton = new TermAutomaton(patterns);
        var sink = new Collector { Found = [] };
        automaton.Search("北方2999と北方12", ref sink);
        // "北方12" also ends "北方1"; "北方2999" also ends 北方2, 北方29, 北方299.
        Assert.Equal(["北方2", "北方29", "北方299", "北方2999", "北方1", "北方12"], sink.Found.Select(f => patterns[f.Pattern]));
    }
}
