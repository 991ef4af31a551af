using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Matching;

/// <summary>The presearcher's choices (anchors, lazily searched patterns) must never change what matches.</summary>
public sealed class PresearcherTests
{
    [Theory]
    [InlineData("habomai islands", new[] { "habomai" })]                      // AND: the more specific child
    [InlineData("(habomai OR 歯舞群島) news", new[] { "habomai", "歯舞群島" })] // OR: every alternative
    [InlineData("(habomai OR 歯舞) islands", new[] { "islands" })]           // an OR is as weak as its weakest alternative
    [InlineData("news NEAR/3 \"peace treaty\"", new[] { "peace treaty" })]
    [InlineData("shikotan -shikoku", new[] { "shikotan" })]                  // never an excluded term
    [InlineData("ab OR (cdefgh ij)", new[] { "ab", "cdefgh" })]
    public void Anchors_are_one_required_term_set_per_query(string query, string[] expected) =>
        Assert.Equal(expected, AnchorSelector.Anchors(TopicQuery.Parse(query).Root).Select(t => t.Text));

    [Fact]
    public void Terms_that_are_not_anchors_are_still_found_when_a_candidate_needs_them()
    {
        var matcher = TopicMatcher.Compile([
            new Topic { Id = "a", Name = "A", Query = "habomai islands -shikoku" },
            new Topic { Id = "b", Name = "B", Query = "islands" },              // the same pattern, an anchor here
            new Topic { Id = "c", Name = "C", Query = "kunashiri \"mirn* dogovor*\"" },
            new Topic { Id = "d", Name = "D", Query = "北方領土 ロシア -四国" },
        ]);

        Assert.Equal(["a", "b"], Ids(matcher, "Habomai islands visit"));
        Assert.Equal(["b"], Ids(matcher, "Habomai islands and Shikoku"));
        Assert.Equal(["c"], Ids(matcher, "Kunashiri: mirnogo dogovora net"));
        Assert.Empty(Ids(matcher, "Kunashiri: mirnogo net"));
        Assert.Equal(["d"], Ids(matcher, "北方領土とロシア"));
        Assert.Empty(Ids(matcher, "北方領土と四国とロシア"));
    }

    [Fact]
    public void A_string_used_whole_and_as_prefix_keeps_both_meanings()
    {
        var matcher = TopicMatcher.Compile([
            new Topic { Id = "whole", Name = "W", Query = "kuril" },
            new Topic { Id = "prefix", Name = "P", Query = "kuril*" },
        ]);
        Assert.Equal(["whole", "prefix"], Ids(matcher, "the Kuril chain"));
        Assert.Equal(["prefix"], Ids(matcher, "the Kurils"));
    }

    /// <summary>Lazily searched terms are first ruled out by the item's word filter; a term the item has must still be found.</summary>
    [Fact]
    public void The_word_filter_never_hides_a_term_the_item_has()
    {
        var matcher = TopicMatcher.Compile([
            new Topic { Id = "t", Name = "T", Query = "habomai -\"fishing boats\" -kelp" },
        ]);
        var filler = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));
        Assert.Equal(["t"], Ids(matcher, $"Habomai {filler} fishing"));
        Assert.Empty(Ids(matcher, $"Habomai {filler} fishing boats"));
        Assert.Empty(Ids(matcher, $"Habomai {filler} Kelp"));
        Assert.Equal(["t"], Ids(matcher, $"Habomai {filler} kelpie"));
    }

    /// <summary>Each word tries only the prefix lengths that start with its first two characters; every length must still be found.</summary>
    [Fact]
    public void Prefixes_of_every_length_are_found_whatever_they_share_with_others()
    {
        var longPrefix = new string('q', 70);
        var matcher = TopicMatcher.Compile([
            new Topic { Id = "ab", Name = "2", Query = "ab*" },
            new Topic { Id = "abc", Name = "3", Query = "abc*" },
            new Topic { Id = "abcdefg", Name = "7", Query = "abcdefg*" },
            new Topic { Id = "xbcdefg", Name = "7 other start", Query = "xbcdefg*" },
            new Topic { Id = "long", Name = "70", Query = longPrefix + "*" },
        ]);
        Assert.Equal(["ab", "abc", "abcdefg"], Ids(matcher, "abcdefghij"));
        Assert.Equal(["ab", "abc"], Ids(matcher, "abcdef"));
        Assert.Equal(["ab"], Ids(matcher, "ab"));
        Assert.Equal(["xbcdefg"], Ids(matcher, "xbcdefgh"));
        Assert.Equal(["long"], Ids(matcher, longPrefix + "rest"));
        Assert.Empty(Ids(matcher, longPrefix[..69]));
    }

    [Fact]
    public void Word_table_finds_exactly_its_words()
    {
        var words = Enumerable.Range(0, 5000).Select(i => $"w{i}").ToArray();
        var table = new WordTable(words);
        Assert.Equal(5000, table.Count);
        Assert.Equal(1234, table.Find("w1234", WordTable.Hash("w1234")));
        Assert.Equal(-1, table.Find("w5000", WordTable.Hash("w5000")));
        Assert.Equal(-1, table.Find("", WordTable.Hash("")));
    }

    private static string[] Ids(TopicMatcher matcher, string title) =>
        matcher.Match(new NewsItem { Feed = "f", Id = title, Title = title }).Select(m => m.TopicId).ToArray();
}
