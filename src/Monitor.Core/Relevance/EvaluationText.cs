using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Relevance;

/// <summary>Writes an <see cref="EvaluationReport"/> for people (a table, then every mistake explained) or as JSON.</summary>
public static class EvaluationText
{
    public static void WriteText(EvaluationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var width = Math.Max(14, report.Topics.Select(t => t.TopicId.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"topic".PadRight(width)}  precision  recall     F1   tp   fp   fn  (of {report.Examples} examples)");
        foreach (var s in report.Topics)
            output.WriteLine($"{s.TopicId.PadRight(width)}  {F(s.Precision),9}  {F(s.Recall),6}  {F(s.F1),5}  {s.TruePositives,3}  {s.FalsePositives,3}  {s.FalseNegatives,3}");
        output.WriteLine($"{"macro average".PadRight(width)}  {F(report.MacroPrecision),9}  {F(report.MacroRecall),6}  {F(report.MacroF1),5}");
        if (report.UnknownLabels.Count > 0)
            output.WriteLine($"warning: labels name topics that are not in the topics file: {string.Join(", ", report.UnknownLabels)}");
        foreach (var score in report.Topics.Where(s => s.Mistakes.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{score.TopicId}: {score.FalsePositives} false positives, {score.FalseNegatives} false negatives");
            foreach (var m in score.Mistakes)
            {
                var language = m.Language is null ? "" : $"[{m.Language}] ";
                if (m.Kind == Mistake.FalsePositive)
                {
                    output.WriteLine($"  FP {m.ExampleId} {language}{m.Title}");
                    output.WriteLine($"       hit: {string.Join(", ", m.TermsHit.Select(t => $"\"{t}\""))}{(string.IsNullOrEmpty(m.Snippet) ? "" : " — " + m.Snippet)}");
                }
                else
                {
                    output.WriteLine($"  FN {m.ExampleId} {language}{m.Title}");
                    foreach (var line in m.WhyNot) output.WriteLine($"       why not: {line}");
                }
            }
        }
    }

    public static void WriteJson(EvaluationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(report, RelevanceJsonContext.Default.EvaluationReport));
    }

    /// <summary>The topics below a threshold, one line each; empty when every topic meets both.</summary>
    public static IReadOnlyList<string> ThresholdFailures(EvaluationReport report, double? minPrecision, double? minRecall)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        foreach (var s in report.Topics)
        {
            if (s.Precision < minPrecision) failures.Add($"{s.TopicId}: precision {F(s.Precision)} is below {F(minPrecision.Value)}");
            if (s.Recall < minRecall) failures.Add($"{s.TopicId}: recall {F(s.Recall)} is below {F(minRecall.Value)}");
        }
        return failures;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
