using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Matching;

public sealed class TopicMatcherTests
{
    private static NewsItem Item(string title, string? summary = null) => new() { Feed = "test", Id = title, Title = title, Summary = summary };

    private static bool Matches(string query, string title, string? summary = null) =>
        TopicMatcher.Compile([new Topic { Id = "t", Name = "T", Query = query }]).Match(Item(title, summary)).Count == 1;

    [Theory]
    [InlineData("shikotan", "Drills on Shikotan island", true)]
    [InlineData("shikotan", "Shikotanese fishermen", false)]      // whole words only
    [InlineData("shikotan*", "Shikotanese fishermen", true)]
    [InlineData("abe", "Label printers", false)]                  // no match inside a word
    [InlineData("\"peace treaty\"", "Peace Treaty talks", true)]
    [InlineData("\"peace treaty\"", "treaty of peace", false)]
    [InlineData("\"peace treat*\"", "peace treaties signed", true)]
    [InlineData("\"мирн* договор*\"", "о мирном договоре", true)]
    [InlineData("\"мирн* договор*\"", "мирном и договоре", false)]
    [InlineData("шикотан*", "на Шикотане", true)]
    [InlineData("шикотан*", "Шикотана", true)]
    [InlineData("habomai*", "the Habomais", true)]
    [InlineData("歯舞", "歯舞群島で", true)]                         // CJK: substring
    [InlineData("ロシア", "日本とロシアが", true)]
    [InlineData("putin", "ロシアのPutin大統領", true)]               // CJK next to Latin is a boundary
    [InlineData("Ｈａｂｏｍａｉ", "HABOMAI", true)]
    [InlineData("japan-russia", "Japan–Russia talks", true)]
    [InlineData("japan-russia", "Japan, Russia talks", true)]
    public void Matches_terms_by_word_or_substring(string query, string title, bool expected) =>
        Assert.Equal(expected, Matches(query, title));

    [Theory]
    [InlineData("a b", "a x b", true)]
    [InlineData("a b", "a x", false)]
    [InlineData("a OR b", "x b", true)]
    [InlineData("a -b", "a x", true)]
    [InlineData("a -b", "a b", false)]
    [InlineData("a NOT (b OR c)", "a c", false)]
    [InlineData("a NEAR/2 b", "a x y b", true)]
    [InlineData("a NEAR/2 b", "b x y a", true)]
    [InlineData("a NEAR/2 b", "a x y z b", false)]
    [InlineData("a NEAR/0 b", "a b", true)]
    [InlineData("(a NEAR/1 b) NEAR/1 c", "a b x c", true)]
    [InlineData("(a NEAR/1 b) NEAR/1 c", "a b x y c", false)]
    [InlineData("(a OR z) NEAR/1 b", "z x b", true)]
    [InlineData("平和条約 NEAR/3 日ロ", "日ロ平和条約", true)]        // a CJK character counts as one word
    [InlineData("平和条約 NEAR/3 日本", "日本とロシアの平和条約", false)]
    [InlineData("平和条約 NEAR/5 日本", "日本とロシアの平和条約", true)]      // exactly five words between
    [InlineData("平和条約 NEAR/4 日本", "日本とロシアの平和条約", false)]
    [InlineData("treaty NEAR/0 日本", "treaty 日本", true)]
    [InlineData("treaty NEAR/0 日本", "treatyの日本", false)]             // の is a word between
    [InlineData("treaty NEAR/1 日本", "treatyの日本", true)]
    [InlineData("a NEAR/1 b", "a. x, b", true)]                         // punctuation is not a word
    [InlineData("a NEAR/1 b", "a. x, y b", false)]
    public void Evaluates_boolean_and_proximity_operators(string query, string title, bool expected) =>
        Assert.Equal(expected, Matches(query, title));

    [Fact]
    public void Title_scope_only_looks_at_the_title()
    {
        Assert.True(Matches("title:habomai", "Habomai visit", "nothing"));
        Assert.False(Matches("title:habomai", "Island visit", "to Habomai"));
        Assert.True(Matches("habomai", "Island visit", "to Habomai"));
    }

    [Fact]
    public void A_phrase_does_not_run_from_title_into_summary() =>
        Assert.False(Matches("\"peace treaty\"", "Talks on peace", "treaty signed"));

    [Fact]
    public void Html_in_the_summary_is_stripped_before_matching() =>
        Assert.True(Matches("\"peace treaty\"", "x", "<p>peace</p>\n <i>treaty</i>"));

    [Fact]
    public void Each_topic_matches_at_most_once_and_in_topic_order()
    {
        var matcher = TopicMatcher.Compile([
            new Topic { Id = "b", Name = "B", Query = "shikotan OR 色丹 OR шикотан*" },
            new Topic { Id = "a", Name = "A", Query = "habomai" },
            new Topic { Id = "c", Name = "C", Query = "kunashir" },
        ]);
        var matches = matcher.Match(Item("Habomai and Shikotan", "Шикотан, 色丹島, Shikotan again, Habomai"));
        Assert.Equal(["b", "a"], matches.Select(m => m.TopicId));
        Assert.Equal(3, matcher.Topics.Count);
    }

    [Fact]
    public void A_match_explains_its_terms_fields_and_snippet()
    {
        var matcher = TopicMatcher.Compile([new Topic { Id = "habomai", Name = "Habomai", Query = "habomai* OR 歯舞" }]);
        var match = Assert.Single(matcher.Match(Item("Habomai visit", "Former residents of the <b>Habomai</b> islands (歯舞群島) went home.")));

        Assert.Equal("Habomai", match.TopicName);
        Assert.Equal([new TermHit("habomai*", "title"), new TermHit("habomai*", "summary"), new TermHit("歯舞", "summary")], match.Hits);
        Assert.Equal(["habomai*", "歯舞"], match.Terms);
        Assert.Equal("Former residents of the [Habomai] islands ([歯舞]群島) went home.", match.Snippet);
        Assert.Equal("habomai: \"habomai*\" in title and summary, \"歯舞\" in summary — Former residents of the [Habomai] islands ([歯舞]群島) went home.",
            MatchExplanation.Describe(match));
    }

    [Fact]
    public void Explanations_leave_out_terms_that_did_not_make_the_match()
    {
        var matcher = TopicMatcher.Compile([new Topic { Id = "t", Name = "T", Query = "(treaty NEAR/1 japan) OR zebra" }]);
        var match = Assert.Single(matcher.Match(Item("Japan far away from here: treaty with Japan")));
        Assert.Equal([new TermHit("treaty", "title"), new TermHit("japan", "title")], match.Hits);
        Assert.Equal("Japan far away from here: [treaty] with [Japan]", match.Snippet);
    }

    [Fact]
    public void Long_snippets_are_cut_around_the_first_hit()
    {
        var filler = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 20));
        var matcher = TopicMatcher.Compile([new Topic { Id = "t", Name = "T", Query = "shikotan" }]);
        var match = Assert.Single(matcher.Match(Item("x", filler + "news from Shikotan today " + filler)));
        Assert.InRange(match.Snippet.Length, 100, Snippet.MaxLength + 4);
        Assert.StartsWith("…", match.Snippet);
        Assert.EndsWith("…", match.Snippet);
        Assert.Contains("[Shikotan]", match.Snippet);
    }

    [Fact]
    public void An_invalid_query_is_reported_with_its_topic()
    {
        var error = Assert.Throws<TopicsFileException>(() => TopicMatcher.Compile([new Topic { Id = "bad", Name = "Bad", Query = "(a" }]));
        Assert.Equal("bad", error.TopicId);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Matching_is_thread_safe()
    {
        var topics = Enumerable.Range(0, 200).Select(i => new Topic { Id = $"t{i}", Name = $"T{i}", Query = $"word{i} OR \"phrase {i}\"" }).ToArray();
        var matcher = TopicMatcher.Compile(topics);
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var n = i % 200;
            var ids = matcher.Match(Item($"news word{n} and phrase {(n + 1) % 200}")).Select(m => m.TopicId).ToArray();
            if (!ids.SequenceEqual(new[] { $"t{n}", $"t{(n + 1) % 200}" }.OrderBy(id => int.Parse(id[1..]))))
                results.Add($"{i}: {string.Join(",", ids)}");
        });
        Assert.Empty(results);
    }
}
