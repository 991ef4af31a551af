using NewsMonitor.Matching;
using NewsMonitor.Tests.Topics;
using NewsMonitor.Topics;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Matching;

/// <summary>Precision and recall of seeds/topics.json on the labelled set, per topic.</summary>
public sealed class SeedTopicsQualityTests(ITestOutputHelper output)
{
    private static readonly TopicMatcher Matcher = TopicMatcher.Compile(TopicsFile.Load(SeedFiles.TopicsPath));

    [Theory]
    [InlineData(LabelledNews.PeaceTreaty)]
    [InlineData(LabelledNews.Habomai)]
    [InlineData(LabelledNews.Shikotan)]
    [InlineData(LabelledNews.NorthernTerritories)]
    public void Seed_topic_reaches_095_precision_and_recall_on_the_labelled_set(string topicId)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var mistakes = new List<string>();
        for (var i = 0; i < LabelledNews.Items.Length; i++)
        {
            var item = LabelledNews.Items[i];
            var predicted = Matcher.Match(item.ToNewsItem(i)).Any(m => m.TopicId == topicId);
            var expected = item.Topics.Contains(topicId);
            if (predicted && expected) truePositives++;
            else if (predicted) { falsePositives++; mistakes.Add($"false positive: {item}"); }
            else if (expected) { falseNegatives++; mistakes.Add($"false negative: {item}"); }
        }
        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine($"{topicId}: precision {precision:F3}, recall {recall:F3} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives}) over {LabelledNews.Items.Length} items");
        mistakes.ForEach(output.WriteLine);

        Assert.True(truePositives > 0, $"{topicId} has no positive items in the set");
        Assert.True(precision >= 0.95 && recall >= 0.95,
            $"{topicId}: precision {precision:F3}, recall {recall:F3}\n" + string.Join("\n", mistakes));
    }

    [Fact]
    public void The_seed_article_matches_all_four_seed_topics_with_explanations()
    {
        var article = File.ReadAllLines(SeedFiles.ArticlePath).Where(l => l.Trim().Length > 0).ToArray();
        var item = new NewsMonitor.Feeds.NewsItem { Feed = "seed", Id = "seed", Title = article[1], Summary = string.Join("\n", article.Skip(2)) };
        var matches = Matcher.Match(item);
        matches.Select(MatchExplanation.Describe).ToList().ForEach(output.WriteLine);

        Assert.Equal([LabelledNews.PeaceTreaty, LabelledNews.Habomai, LabelledNews.Shikotan, LabelledNews.NorthernTerritories], matches.Select(m => m.TopicId));
        Assert.All(matches, m => Assert.Matches(@"\[[^\]]+\]", m.Snippet));
    }

    [Fact]
    public void Labelled_set_covers_three_languages_with_confounders()
    {
        var byLanguage = LabelledNews.Items.GroupBy(i => i.Language).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["en", "ja", "ru"], byLanguage.Keys.Order());
        Assert.True(LabelledNews.Items.Length >= 50);
        Assert.All(byLanguage, kv => Assert.Contains(LabelledNews.Items, i => i.Language == kv.Key && i.Topics.Length == 0));
    }
}
