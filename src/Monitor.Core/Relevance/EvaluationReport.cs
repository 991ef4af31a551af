namespace NewsMonitor.Relevance;

/// <summary>How well each topic separates the labelled examples: per-topic scores with every mistake explained, and macro averages.</summary>
public sealed record EvaluationReport(
    int Examples,
    IReadOnlyList<TopicScore> Topics,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    IReadOnlyList<string> UnknownLabels);

/// <summary>
/// One topic's counts and scores. Precision is 1 when the topic matched nothing and recall is 1 when no example
/// carries its label (nothing to get wrong), so a threshold fails only on real mistakes.
/// </summary>
public sealed record TopicScore(
    string TopicId,
    int Positives,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double Precision,
    double Recall,
    double F1,
    IReadOnlyList<Mistake> Mistakes)
{
    public static TopicScore From(string topicId, int tp, int fp, int fn, IReadOnlyList<Mistake> mistakes)
    {
        var precision = tp + fp == 0 ? 1.0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 1.0 : tp / (double)(tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new(topicId, tp + fn, tp, fp, fn, precision, recall, f1, mistakes);
    }
}

/// <summary>
/// An example the topic got wrong. A false positive lists the terms that hit and the snippet; a false negative says
/// why not: which part of the query failed.
/// </summary>
public sealed record Mistake(string Kind, string ExampleId, string? Language, string Title, IReadOnlyList<string> TermsHit, string? Snippet, IReadOnlyList<string> WhyNot)
{
    public const string FalsePositive = "false-positive";
    public const string FalseNegative = "false-negative";
}
