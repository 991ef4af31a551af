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
    public void Seed_article_ranks_subjects_above_people_and_skips_the_publisher()
    {
        var derivation = new TopicDeriver().DeriveWithContext(Article, 20);
        foreach (var c in derivation.Candidates) output.WriteLine($"{c.Score,6:F2} {c.Kind,-9} {c.Phrase,-30} {c.ContextQuery ?? c.SuggestedQuery}");

        var top = derivation.Candidates.Select(c => c.Phrase).ToArray();
        Assert.DoesNotContain(top.Take(2), p => p is "Abe" or "Chen");
        Assert.DoesNotContain(top, p => p.Contains("Executive Intelligence", StringComparison.Ordinal) || p.Contains("EIRNS", StringComparison.Ordinal));
        Assert.Contains("Habomai", top.Take(5));
        Assert.Contains("Shikotan", top.Take(5));
        Assert.Contains("Northern Territories", top.Take(8));
        Assert.All(derivation.Candidates.Where(c => c.Phrase is "Abe" or "Chen" or "Chen Yang"), c => Assert.Equal(TopicCandidate.PersonKind, c.Kind));
        // A phrase of everyday words comes with the context that makes it specific, as a list for the topics file.
        Assert.Equal(["japan*", "russia*", "japanese*", "russian*"], derivation.Lists["japan_russia"]);
        Assert.Equal("\"peace treat*\" NEAR/20 @japan_russia", derivation.Candidates.Single(c => c.Phrase == "peace treaty").ContextQuery);
        Assert.Null(derivation.Candidates.Single(c => c.Phrase == "Habomai").ContextQuery);
        var topics = TopicsFile.ParseDocument(System.Text.Json.JsonSerializer.Serialize(new
        {
            lists = derivation.Lists,
            topics = new[] { new { id = "pt", name = "PT", query = derivation.Candidates.Single(c => c.Phrase == "peace treaty").ContextQuery } },
        }), "derived.json");
        Assert.Single(topics.Topics);
    }

    [Fact]
    public void A_russian_article_gives_stems_that_cover_case_endings_and_skips_the_agency()
    {
        const string article = """
            ТАСС

            Лавров: мирный договор с Японией невозможен без признания итогов войны

            МОСКВА, 14 января. /ТАСС/. Министр иностранных дел России Сергей Лавров заявил, что заключение мирного договора с Японией невозможно, пока Токио не признает итоги войны. По словам министра, передача Шикотана и островов Хабомаи не означает перехода суверенитета. Лавров напомнил о санкциях. Вопрос о Шикотане и Хабомаи обсуждался на встрече. Мирный договор должен учитывать интересы России.
            """;
        var derivation = new TopicDeriver().DeriveWithContext(article, 10);
        foreach (var c in derivation.Candidates) output.WriteLine($"{c.Score,6:F2} {c.Kind,-9} {c.Phrase,-30} {c.SuggestedQuery}");

        var shikotan = derivation.Candidates.Single(c => c.SuggestedQuery == "шикотан*");
        Assert.Equal(2, shikotan.Occurrences); // Шикотана and Шикотане
        Assert.Contains(derivation.Candidates.Take(4), c => c.Phrase == "Хабомаи");
        Assert.DoesNotContain(derivation.Candidates.Take(3), c => c.Phrase == "Лавров");
        Assert.DoesNotContain(derivation.Candidates, c => c.Phrase == "ТАСС");
        Assert.Contains("russia_japan", derivation.Lists.Keys);
    }

    [Fact]
    public void A_japanese_article_is_split_by_script_into_recurring_phrases()
    {
        const string article = """
            NHKニュース

            北方領土問題　日ロ平和条約交渉の行方

            政府は、北方領土問題を解決して平和条約を締結するとの方針を維持している。ロシア外務省は、日本との平和条約交渉を中断すると発表した。1956年の日ソ共同宣言は、平和条約締結後に歯舞群島と色丹島を引き渡すと定めている。元島民らは、北方領土への墓参やビザなし交流の再開を求めている。色丹島や歯舞群島の元島民の平均年齢は88歳を超えた。
            """;
        var candidates = new TopicDeriver().Derive(article, 8);
        foreach (var c in candidates) output.WriteLine($"{c.Score,6:F2} {c.Phrase} {c.Occurrences}x");

        var phrases = candidates.Select(c => c.Phrase).ToArray();
        Assert.Contains(phrases, p => p.StartsWith("平和条約", StringComparison.Ordinal));
        Assert.Contains(phrases, p => p.StartsWith("北方領土", StringComparison.Ordinal));
        Assert.Contains("歯舞群島", phrases);
        Assert.Contains("色丹島", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("NHK", StringComparison.Ordinal));
        Assert.All(candidates, c => Assert.True(TopicQuery.TryParse(c.SuggestedQuery, out _, out _)));
    }

    [Theory]
    [InlineData("TOKYO (Reuters) - Kaigara kelp boats sailed from Nemuro. The Kaigara catch was good.")]
    [InlineData("Kaigara kelp boats sailed from Nemuro. The Kaigara catch was good.\n© 2026 Nemuro Shimbun Press. All rights reserved.")]
    public void Datelines_and_footers_are_not_topics(string article)
    {
        var phrases = new TopicDeriver().Derive(article, 20).Select(c => c.Phrase).ToArray();
        Assert.Contains("Kaigara", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("Reuters", StringComparison.Ordinal) || p.Contains("Shimbun", StringComparison.Ordinal) || p == "TOKYO");
    }

    [Fact]
    public void Empty_text_gives_no_candidates() => Assert.Empty(new TopicDeriver().Derive("", 10));
}
