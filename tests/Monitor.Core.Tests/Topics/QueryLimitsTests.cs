using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Topics;

/// <summary>
/// Nesting depth, term count and length are bounded (issue 10: 30,000 parentheses overflowed the stack and killed the
/// host). A query at each limit still parses, compiles and matches; one step past it is a clear parse error.
/// </summary>
public sealed class QueryLimitsTests
{
    public static TheoryData<string, string> JustPastTheNestingLimit(int levels) => new()
    {
        { new string('(', levels) + "kunashir" + new string(')', levels), "nests more than" },
        { "habomai " + string.Concat(Enumerable.Repeat("NOT ", levels)) + "kunashir", "nests more than" },
        { string.Concat(Enumerable.Repeat("title:", levels)) + "kunashir", "nests more than" },
        { "kunashir" + string.Concat(Enumerable.Range(0, levels).Select(i => $" NEAR/3 w{i}")), "nests more than" },
    };

    public static TheoryData<string, string> PastTheLimits => JustPastTheNestingLimit(QueryLimits.MaxNesting + 1);

    [Theory]
    [MemberData(nameof(PastTheLimits))]
    public void Nesting_past_the_limit_is_a_parse_error(string query, string reason)
    {
        Assert.False(TopicQuery.TryParse(query, out _, out var error));
        Assert.Contains(reason, error.Reason);
        Assert.Contains(QueryLimits.MaxNesting.ToString(), error.Reason);
    }

    [Fact]
    public void Thirty_thousand_parentheses_are_refused_without_exhausting_the_stack()
    {
        var query = new string('(', 30_000) + "x" + new string(')', 30_000);
        Assert.True(query.Length > QueryLimits.MaxLength);
        Assert.False(TopicQuery.TryParse(query, out _, out var error));
        Assert.Contains("characters long", error.Reason);

        // Under the length limit, the nesting limit stops the parser long before its stack is deep.
        var deep = new string('(', 9_000) + "x" + new string(')', 9_000);
        Assert.False(TopicQuery.TryParse(deep, out _, out error));
        Assert.Contains("nests more than", error.Reason);
        Assert.Equal(QueryLimits.MaxNesting, error.Position);
    }

    [Fact]
    public void Too_many_terms_or_characters_are_parse_errors()
    {
        var terms = string.Join(" OR ", Enumerable.Range(0, QueryLimits.MaxTerms + 1).Select(i => $"t{i}"));
        Assert.False(TopicQuery.TryParse(terms, out _, out var error));
        Assert.Contains($"more than {QueryLimits.MaxTerms:N0} words", error.Reason);

        var longQuery = "kunashir " + new string('a', QueryLimits.MaxLength);
        Assert.False(TopicQuery.TryParse(longQuery, out _, out error));
        Assert.Contains("characters long", error.Reason);
    }

    [Fact]
    public void Queries_at_the_limits_parse_compile_and_match()
    {
        var levels = QueryLimits.MaxNesting;
        string[] atLimit =
        [
            new string('(', levels) + "kunashir" + new string(')', levels),
            "kunashir " + string.Concat(Enumerable.Repeat("NOT ", levels)) + "kunashir", // an even number of NOTs: kunashir
            // A repeated word in a NEAR chain once multiplied its spans at every link until memory ran out.
            "kunashir" + string.Concat(Enumerable.Range(0, levels).Select(_ => " NEAR/3 kunashir")),
            string.Join(" OR ", Enumerable.Range(0, QueryLimits.MaxTerms - 1).Select(i => $"t{i}").Append("kunashir")),
        ];
        var topics = atLimit.Select((q, i) => new Topic { Id = $"t{i}", Name = $"t{i}", Query = q }).ToArray();
        var matcher = TopicMatcher.Compile(topics);

        var item = new NewsMonitor.Feeds.NewsItem { Feed = "test", Id = "1", Title = "Kunashir", Summary = "kunashir" };
        Assert.Equal(atLimit.Length, matcher.Match(item).Count);
    }
}
