using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Topics;

public sealed class TopicQueryTests
{
    [Theory]
    [InlineData("habomai", "habomai")]
    [InlineData("peace treaty", "(peace treaty)")]
    [InlineData("\"peace treaty\"", "\"peace treaty\"")]
    [InlineData("a OR b c", "(a OR (b c))")]
    [InlineData("a AND b", "(a b)")]
    [InlineData("(a OR b) c", "((a OR b) c)")]
    [InlineData("a -b", "(a -b)")]
    [InlineData("a NOT b", "(a -b)")]
    [InlineData("a NEAR/5 b", "(a NEAR/5 b)")]
    [InlineData("(a OR b) NEAR/3 c NEAR/2 d", "(((a OR b) NEAR/3 c) NEAR/2 d)")]
    [InlineData("treat*", "treat*")]
    [InlineData("title:habomai", "title:habomai")]
    [InlineData("title:(a OR \"b c\")", "(title:a OR title:\"b c\")")]
    [InlineData("japan-russia", "\"japan-russia\"")]
    [InlineData("a or b", "(a or b)")]
    public void Parses_to_the_expected_tree(string query, string expected) =>
        Assert.Equal(expected, TopicQuery.Parse(query).ToString());

    [Fact]
    public void Terms_are_normalised_and_prefix_marks_the_last_word()
    {
        var term = Assert.IsType<TermNode>(TopicQuery.Parse("\"Мирн* ДОГОВОР*\"").Root);
        Assert.Equal([new TermWord("мирн", true), new TermWord("договор", true)], term.Words);

        var cjk = Assert.IsType<TermNode>(TopicQuery.Parse("歯舞*").Root);
        Assert.Equal([new TermWord("歯舞", false)], cjk.Words);

        var fullWidth = Assert.IsType<TermNode>(TopicQuery.Parse("Ｓｈｉｋｏｔａｎ").Root);
        Assert.Equal("shikotan", fullWidth.Words.Single().Text);
    }

    [Fact]
    public void Positive_terms_exclude_negated_ones()
    {
        var query = TopicQuery.Parse("(a OR b) -c NOT (d e) f NEAR/2 g");
        Assert.Equal(["a", "b", "f", "g"], query.PositiveTerms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("(a OR b", 0, "never closed")]
    [InlineData("a)", 1, "no matching '('")]
    [InlineData("\"peace treaty", 0, "unterminated")]
    [InlineData("a OR", 2, "OR needs")]
    [InlineData("OR a", 0, "OR needs")]
    [InlineData("a AND", 2, "AND needs")]
    [InlineData("-a", 0, "not excluded")]
    [InlineData("a OR -b", 5, "each OR alternative")]
    [InlineData("a - b", 2, "'-' must be followed")]
    [InlineData("a NOT", 2, "'NOT' needs")]
    [InlineData("a NEAR b", 2, "NEAR needs a distance")]
    [InlineData("a NEAR/x b", 7, "whole number")]
    [InlineData("a NEAR/500 b", 7, "whole number")]
    [InlineData("a NEAR/3 (b c)", 9, "can only join")]
    [InlineData("a NEAR/3 -b", 9, "expected a word")]
    [InlineData("a*b", 1, "'*' is only allowed at the end")]
    [InlineData("t*", 0, "at least 2 letters")]
    [InlineData("*", 0, "no letters or digits")]
    [InlineData("a !!!", 2, "no letters or digits")]
    [InlineData("()", 0, "empty parentheses")]
    [InlineData("\"\"", 0, "empty quoted phrase")]
    [InlineData("title: a", 0, "'title:' must be followed")]
    public void Rejects_invalid_queries_with_reason_and_position(string query, int position, string reason)
    {
        var error = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query));
        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Message);
        Assert.Contains($"position {position}", error.Message);

        Assert.False(TopicQuery.TryParse(query, out var parsed, out var tried));
        Assert.Null(parsed);
        Assert.Equal(position, tried.Position);
    }

    [Fact]
    public void TryParse_returns_the_query_when_valid()
    {
        Assert.True(TopicQuery.TryParse("shikotan*", out var query, out var error));
        Assert.Null(error);
        Assert.Equal("shikotan*", query.Text);
    }
}
