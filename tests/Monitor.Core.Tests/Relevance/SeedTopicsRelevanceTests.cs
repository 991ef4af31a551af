using NewsMonitor.Relevance;
using NewsMonitor.Tests.Topics;
using NewsMonitor.Topics;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Relevance;

/// <summary>
/// The seed topics measured on tests/relevance/: every seed topic reaches precision and recall of 0.95 on the tuning
/// set and on the check set that was written before tuning and never tuned on (tests/relevance/README.md).
/// </summary>
public sealed class SeedTopicsRelevanceTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(SeedFiles.RepoRoot, "tests", "relevance");
    private static readonly string[] SeedTopicIds = ["peace-treaty", "habomai", "shikotan", "northern-territories"];

    [Theory]
    [InlineData("tuning.jsonl")]
    [InlineData("check.jsonl")]
    public void Every_seed_topic_reaches_095_precision_and_recall(string file)
    {
        var report = RelevanceEvaluator.Evaluate(TopicsFile.Load(SeedFiles.TopicsPath), LabelsFile.Load(Path.Combine(Folder, file)));
        var text = new StringWriter();
        EvaluationText.WriteText(report, text);
        output.WriteLine(text.ToString());

        Assert.Equal(SeedTopicIds, report.Topics.Select(t => t.TopicId).Take(4));
        Assert.Empty(report.UnknownLabels);
        Assert.All(report.Topics.Take(4), t => Assert.True(t.Positives >= 5, $"{t.TopicId} has only {t.Positives} positives in {file}"));
        Assert.True(EvaluationText.ThresholdFailures(report, 0.95, 0.95).Count == 0, text.ToString());
    }

    [Fact]
    public void The_sets_are_large_multilingual_and_at_least_a_third_japanese_or_russian()
    {
        var all = LabelsFile.Load([Path.Combine(Folder, "tuning.jsonl"), Path.Combine(Folder, "check.jsonl")]);
        var byLanguage = all.GroupBy(e => e.Language ?? "").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", byLanguage.Select(kv => $"{kv.Key} {kv.Value}")));

        Assert.True(all.Count >= 400, $"{all.Count} examples");
        Assert.True(byLanguage["ja"] + byLanguage["ru"] >= all.Count / 3.0);
        foreach (var language in new[] { "en", "ja", "ru", "de", "fr", "zh", "ko" }) Assert.True(byLanguage.GetValueOrDefault(language) >= 10, language);
        Assert.True(byLanguage.GetValueOrDefault("es") + byLanguage.GetValueOrDefault("pt") >= 10);
        // Confounders: examples that carry none of the seed topics, in every language.
        Assert.All(byLanguage.Keys, language => Assert.Contains(all, e => e.Language == language && e.Labels.Count == 0));
    }
}
