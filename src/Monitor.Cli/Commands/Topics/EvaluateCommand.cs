using System.CommandLine;
using NewsMonitor.Relevance;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor topics evaluate --labels FILE</c>: precision, recall and F1 of every topic on labelled examples, each
/// mistake explained; exit 1 when a topic falls below --min-precision or --min-recall.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var labels = new Option<string[]>("--labels")
        {
            Description = "Labelled examples: JSON lines {\"id\", \"title\", \"summary\", \"language\"?, \"labels\": [topic ids]}. Repeat for several files.",
            Required = true,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var topics = CommonOptions.Topics();
        var format = new Option<string>("--format") { Description = "Output format: text (a table and every mistake) or json (one document).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var minPrecision = Threshold("--min-precision", "Exit 1 if any topic's precision is below this (0–1).");
        var minRecall = Threshold("--min-recall", "Exit 1 if any topic's recall is below this (0–1).");
        var topic = new Option<string[]>("--topic") { Description = "Score only this topic (repeatable). Default: every topic of the file.", HelpName = "ID" };
        var command = new Command("evaluate", "Measure topics on labelled examples: precision, recall, F1 per topic, every false positive with the terms that hit and every false negative with why not.")
        {
            labels, topics, format, minPrecision, minRecall, topic,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var examples = LoadLabels(parse.GetValue(labels)!);
            var all = CliServices.LoadTopics(parse.GetValue(topics)!);
            var only = parse.GetValue(topic) ?? [];
            var unknown = only.Where(id => all.All(t => t.Id != id)).ToArray();
            if (unknown.Length > 0) throw new UsageException($"No topic {string.Join(", ", unknown.Select(id => $"'{id}'"))} in {parse.GetValue(topics)}.");
            var scored = only.Length == 0 ? all : all.Where(t => only.Contains(t.Id)).ToArray();
            var report = RelevanceEvaluator.Evaluate(scored, examples, cancellationToken);
            report = report with { UnknownLabels = report.UnknownLabels.Where(label => all.All(t => t.Id != label)).ToArray() }; // --topic left them out on purpose
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json") EvaluationText.WriteJson(report, output);
            else EvaluationText.WriteText(report, output);
            var failures = EvaluationText.ThresholdFailures(report, parse.GetValue(minPrecision), parse.GetValue(minRecall));
            foreach (var failure in failures) parse.InvocationConfiguration.Error.WriteLine($"threshold not met: {failure}");
            return Task.FromResult(failures.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Success);
        });
        return command;
    }

    private static Option<double?> Threshold(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "0-1" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (value < 0 || value > 1 || double.IsNaN(value)))
                result.AddError($"{name} must be between 0 and 1.");
        });
        return option;
    }

    private static IReadOnlyList<LabelledExample> LoadLabels(string[] paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new UsageException($"The labels file '{path}' does not exist.");
        }
        try
        {
            return LabelsFile.Load(paths);
        }
        catch (LabelsFileException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
