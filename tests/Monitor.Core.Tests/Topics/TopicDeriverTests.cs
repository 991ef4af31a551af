using NewsMonitor.Topics;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Topics;

public sealed class TopicDeriverTests(ITestOutputHelper output)
{
    private static readonly string Article = File.ReadAllText(SeedFiles.ArticlePath);

    [Fact]
    public void Seed_article_top_ten_includes_habomai_shikotan_and_peace_treaty()
    {
        var candidates = new TopicDeriver().Derive(Article, 10);
        foreach (var c in new TopicDeriver().Derive(Article, 20).Skip(10)) output.WriteLine($"  (then) {c.Score,6:F2} {c.Kind,-9} {c.Occurrences}x {c.Phrase}");
        foreach (var c in candidates) output.WriteLine($"{c.Score,6:F2} {c.Kind,-9} {c.Occurrences}x {c.Phrase,-30} {c.SuggestedQuery}");

        Assert.Equal(10, candidates.Count);
        Assert.Contains(candidates, c => c.Phrase == "Habomai" && c.Kind == TopicCandidate.NameKind);
        Assert.Contains(candidates, c => c.Phrase == "Shikotan" && c.Kind == TopicCandidate.NameKind);
        Assert.Contains(candidates, c => c.Phrase.Equals("peace treaty", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(candidates.OrderByDescending(c => c.Score).Select(c => c.Phrase), candidates.Select(c => c.Phrase));
    }

    [Fact]
    public void Every_suggestion_is_a_valid_query_and_topic_id()
    {
        var candidates = new TopicDeriver().Derive(Article, 40);
        Assert.True(candidates.Count >= 20);
        Assert.All(candidates, c =>
        {
            Assert.True(TopicQuery.TryParse(c.SuggestedQuery, out _, out var error), $"{c.SuggestedQuery}: {error?.Message}");
            Assert.Matches("^[a-z0-9][a-z0-9-]{0,63}$", c.SuggestedId);
            Assert.True(c.Occurrences >= 1);
        });
    }

    [Fact]
    public void Suggested_queries_cover_inflections()
    {
        var candidates = new TopicDeriver().Derive(Article, 40);
        Assert.Equal("\"peace treat*\"", candidates.Single(c => c.Phrase.Equals("peace treaty", StringComparison.OrdinalIgnoreCase)).SuggestedQuery);
        Assert.Equal("habomai*", candidates.Single(c => c.Phrase == "Habomai").SuggestedQuery);
        Assert.Equal("shikotan*", candidates.Single(c => c.Phrase == "Shikotan").SuggestedQuery);
    }

    [Fact]
    public void Sentence_initial_words_are_not_names_and_place_heads_are_dropped()
    {
        var candidates = new TopicDeriver().Derive(
            "Fishermen met in Nemuro. Fishermen said the Kaigara Islands kelp season opened. The Kaigara Islands are close to Nemuro.", 10);
        Assert.Contains(candidates, c => c.Phrase == "Kaigara" && c.Occurrences == 2);
        Assert.Contains(candidates, c => c.Phrase == "Nemuro" && c.Kind == TopicCandidate.NameKind);
        Assert.DoesNotContain(candidates, c => c.Phrase == "The" || c.Phrase == "Kaigara Islands");
    }

    [Fact]
    public void Empty_text_gives_no_candidates() => Assert.Empty(new TopicDeriver().Derive("", 10));
}
