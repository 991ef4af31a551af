using NewsMonitor.Relevance;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Relevance;

/// <summary>Scores and explanations of <see cref="RelevanceEvaluator"/>: what hit for a false positive, which part failed for a false negative.</summary>
public sealed class RelevanceEvaluatorTests
{
    private static readonly TermLists Lists = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["japan"] = ["japan*", "tokyo"],
        ["hazards"] = ["earthquake*", "tsunami*"],
    });

    private static Topic Topic(string query) => new() { Id = "t", Name = "T", Query = query, Lists = Lists };

    private static LabelledExample Example(string id, string title, string summary, bool relevant) =>
        new() { Id = id, Title = title, Summary = summary, Labels = relevant ? ["t"] : [] };

    [Fact]
    public void Counts_precision_recall_and_f1_per_topic_and_their_macro_average()
    {
        var examples = new[]
        {
            Example("tp1", "Kuril dispute flares", "", true),
            Example("tp2", "Kuril talks resume", "", true),
            Example("fp", "Kuril earthquake", "", false),
            Example("fn", "The four islands", "", true),
            Example("tn", "Shikoku rain", "", false),
        };

        var report = RelevanceEvaluator.Evaluate([Topic("kuril*")], examples);

        var score = Assert.Single(report.Topics);
        Assert.Equal((2, 1, 1, 3), (score.TruePositives, score.FalsePositives, score.FalseNegatives, score.Positives));
        Assert.Equal(2 / 3.0, score.Precision, 6);
        Assert.Equal(2 / 3.0, score.Recall, 6);
        Assert.Equal(2 / 3.0, score.F1, 6);
        Assert.Equal(score.F1, report.MacroF1, 6);
        Assert.Equal(["fp", "fn"], score.Mistakes.Select(m => m.ExampleId));
        Assert.Equal(["kuril*"], score.Mistakes[0].TermsHit);
        Assert.Contains("[Kuril]", score.Mistakes[0].Snippet);
        Assert.Equal(["\"kuril*\" not found"], score.Mistakes[1].WhyNot);
    }

    [Fact]
    public void A_false_negative_names_the_and_operand_that_had_no_hit()
    {
        var report = RelevanceEvaluator.Evaluate([Topic("kuril* @japan")], [Example("a", "Kuril islands row", "Moscow says no", true)]);
        Assert.Equal(["no term of @japan found"], report.Topics[0].Mistakes[0].WhyNot);
    }

    [Fact]
    public void A_false_negative_names_the_exclusion_that_fired_and_what_it_found()
    {
        var report = RelevanceEvaluator.Evaluate([Topic("kuril* -@hazards")], [Example("a", "Kuril tsunami drill for officials", "", true)]);
        Assert.Equal(["excluded by -@hazards: found \"tsunami*\""], report.Topics[0].Mistakes[0].WhyNot);
    }

    [Fact]
    public void A_false_negative_says_how_far_apart_the_sides_of_a_near_were()
    {
        var report = RelevanceEvaluator.Evaluate(
            [Topic("\"peace treaty\" NEAR/3 @japan")],
            [Example("a", "Peace treaty talks to resume in the spring, officials in Tokyo say", "", true)]);
        var why = Assert.Single(report.Topics[0].Mistakes[0].WhyNot);
        Assert.Equal("\"peace treaty\" and @japan are 8 words apart; NEAR/3 allows 3 (found \"peace treaty\", \"tokyo\")", why);
    }

    [Fact]
    public void A_false_negative_of_an_or_lists_each_failed_alternative()
    {
        var report = RelevanceEvaluator.Evaluate(
            [Topic("(habomai OR (kuril* @japan)) -@hazards")],
            [Example("a", "Kuril earthquake", "Japan's weather agency reports a tsunami", true)]);
        Assert.Equal(["excluded by -@hazards: found \"earthquake*\", \"tsunami*\""], report.Topics[0].Mistakes[0].WhyNot);

        report = RelevanceEvaluator.Evaluate([Topic("habomai OR (kuril* @japan) OR shikotan")], [Example("b", "Kuril row", "", true)]);
        Assert.Equal(["no alternative matched:", "  none of \"habomai\", \"shikotan\" found", "  no term of @japan found"], report.Topics[0].Mistakes[0].WhyNot);
    }

    [Fact]
    public void Labels_of_topics_that_are_not_scored_are_reported()
    {
        var report = RelevanceEvaluator.Evaluate([Topic("x")], [new LabelledExample { Id = "a", Title = "x", Labels = ["t", "other"] }]);
        Assert.Equal(["other"], report.UnknownLabels);
    }

    [Fact]
    public void Thresholds_name_each_topic_below_them()
    {
        var report = RelevanceEvaluator.Evaluate([Topic("kuril*")], [Example("fp", "Kuril quake", "", false), Example("tp", "Kuril row", "", true)]);
        Assert.Equal(["t: precision 0.500 is below 0.950"], EvaluationText.ThresholdFailures(report, 0.95, 0.95));
        Assert.Empty(EvaluationText.ThresholdFailures(report, 0.5, null));
    }
}
