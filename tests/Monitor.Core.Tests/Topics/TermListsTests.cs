using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Topics;

/// <summary>Named term lists: <c>"lists": {...}</c> in a topics file, <c>@name</c> in a query (an OR of the list's terms).</summary>
public sealed class TermListsTests
{
    private static readonly TermLists Lists = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["japan"] = ["japan*", "tokyo", "日本", "япони*"],
        ["treaty"] = ["peace treat*", "мирн* договор*", "平和条約"],
        ["both"] = ["@japan", "kremlin", "tokyo"],
        ["loop_a"] = ["x", "@loop_b"],
        ["loop_b"] = ["@loop_a"],
        ["broken"] = ["ok", "t*"],
        ["dangling"] = ["@nowhere"],
    });

    [Fact]
    public void A_list_is_an_or_of_its_terms_and_prints_as_its_name()
    {
        var query = TopicQuery.Parse("@treaty NEAR/5 @japan -tokyo", Lists);

        Assert.Equal("((@treaty NEAR/5 @japan) -tokyo)", query.ToString());
        var near = Assert.IsType<NearNode>(Assert.IsType<AndNode>(query.Root).Children[0]);
        var treaty = Assert.IsType<OrNode>(near.Left);
        Assert.Equal("treaty", treaty.ListName);
        Assert.Equal(["peace treat*", "мирн* договор*", "平和条約"], treaty.Children.Cast<TermNode>().Select(t => t.Text));
        Assert.True(Assert.IsType<TermNode>(treaty.Children[0]).Words[1].IsPrefix);
    }

    [Fact]
    public void Included_lists_expand_once_each_term_once()
    {
        var both = Assert.IsType<OrNode>(TopicQuery.Parse("@both", Lists).Root);
        Assert.Equal(["japan*", "tokyo", "日本", "япони*", "kremlin"], both.Children.Cast<TermNode>().Select(t => t.Text));
    }

    [Fact]
    public void Title_scope_applies_to_every_term_of_a_list()
    {
        var japan = Assert.IsType<OrNode>(TopicQuery.Parse("title:@japan", Lists).Root);
        Assert.All(japan.Children.Cast<TermNode>(), t => Assert.True(t.TitleOnly));
    }

    [Theory]
    [InlineData("habomai @nowhere", 8, "unknown term list '@nowhere'")]
    [InlineData("habomai OR @Japan", 11, "must be followed by a term list name")]
    [InlineData("@ OR x", 0, "must be followed by a term list name")]
    [InlineData("x @loop_a", 2, "includes itself (@loop_a → @loop_b → @loop_a)")]
    [InlineData("x (@broken)", 3, "term list '@broken', entry 't*': a prefix needs at least 2 letters")]
    [InlineData("x @dangling", 2, "term list '@dangling' includes an unknown list '@nowhere'")]
    public void A_bad_list_reference_is_rejected_with_reason_and_position(string query, int position, string reason)
    {
        var error = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query, Lists));
        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Without_lists_an_at_reference_says_none_are_defined()
    {
        var error = Assert.Throws<QueryParseException>(() => TopicQuery.Parse("@japan"));
        Assert.Contains("unknown term list '@japan' (this topics file defines no lists)", error.Message);
    }

    [Fact]
    public void A_topics_file_object_declares_lists_its_topics_use()
    {
        var document = TopicsFile.ParseDocument("""
            {
              "lists": { "japan": ["japan*", "日本"], "treaty": ["peace treat*", "平和条約"] },
              "topics": [ { "id": "pt", "name": "Peace treaty", "query": "@treaty NEAR/10 @japan" } ]
            }
            """, "lists.json");

        var topic = Assert.Single(document.Topics);
        Assert.Same(document.Lists, topic.Lists);
        var matcher = TopicMatcher.Compile(document.Topics);
        Assert.Single(matcher.Match(new NewsItem { Feed = "f", Id = "1", Title = "Japanese PM seeks peace treaty", Summary = "" }));
        Assert.Single(matcher.Match(new NewsItem { Feed = "f", Id = "2", Title = "日本政府、平和条約交渉の再開を求める", Summary = "" }));
        Assert.Empty(matcher.Match(new NewsItem { Feed = "f", Id = "3", Title = "Peace treaty signed", Summary = "" }));
    }

    [Theory]
    [InlineData("""{ "lists": [], "topics": [] }""", "'lists' must be an object")]
    [InlineData("""{ "lists": { "Bad Name": ["x"] }, "topics": [] }""", "list 'Bad Name': a list name must match")]
    [InlineData("""{ "lists": { "a": "x" }, "topics": [] }""", "list 'a': must be an array of non-empty strings")]
    [InlineData("""{ "lists": { "a": ["x", " "] }, "topics": [] }""", "list 'a': must be an array of non-empty strings")]
    [InlineData("""{ "lists": { "a": ["@b"] }, "topics": [] }""", "list 'a': term list '@a' includes an unknown list '@b'")]
    [InlineData("""{ "lists": { "a": ["x"] }, "topics": [ { "id": "t", "name": "T", "query": "@b" } ] }""", "topic 't': invalid query: unknown term list '@b' (known lists: @a) (at position 0)")]
    public void Bad_lists_are_reported_naming_the_list_or_topic(string json, string reason)
    {
        var error = Assert.Throws<TopicsFileException>(() => TopicsFile.Parse(json, "lists.json"));
        Assert.StartsWith("lists.json: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_array_file_still_works_and_has_no_lists()
    {
        var document = TopicsFile.ParseDocument("""[ { "id": "a", "name": "A", "query": "x" } ]""", "old.json");
        Assert.Equal(0, document.Lists.Count);
        Assert.Single(document.Topics);
    }
}
