using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor topics suggest TOPIC-ID</c>: query edits a running host proposes from the topic's feedback and labels files, each measured.</summary>
public static class SuggestCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("TOPIC-ID") { Description = "The topic to improve." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("suggest", "Propose query edits (exclusions, required context, synonyms) from feedback, each with the matches it gains and loses.")
        {
            id,
        });
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, options,
            client => client.SuggestionsAsync(parse.GetValue(id)!, cancellationToken),
            WriteText));
        return command;
    }

    private static void WriteText(JsonElement answer, TextWriter output)
    {
        var suggestions = answer.GetProperty("suggestions");
        output.WriteLine($"Topic {answer.Text("topicId")}: {answer.GetProperty("examples").GetInt32()} labelled examples " +
                         $"({answer.GetProperty("relevant").GetInt32()} relevant), {suggestions.GetArrayLength()} suggestions.");
        foreach (var suggestion in suggestions.EnumerateArray())
        {
            output.WriteLine();
            output.WriteLine($"{suggestion.Text("kind")}: {suggestion.Text("edit")}");
            output.WriteLine($"  why: {suggestion.Text("reason")}");
            output.WriteLine($"  precision {Ratio(suggestion, "precisionBefore")} -> {Ratio(suggestion, "precisionAfter")}, " +
                             $"recall {Ratio(suggestion, "recallBefore")} -> {Ratio(suggestion, "recallAfter")}");
            foreach (var change in suggestion.GetProperty("lost").EnumerateArray())
                output.WriteLine($"  stops matching ({(change.GetProperty("relevant").GetBoolean() ? "relevant" : "not relevant")}): {change.Text("title")}");
            foreach (var change in suggestion.GetProperty("gained").EnumerateArray())
                output.WriteLine($"  starts matching ({(change.GetProperty("relevant").GetBoolean() ? "relevant" : "not relevant")}): {change.Text("title")}");
            output.WriteLine($"  query: {suggestion.Text("query")}");
        }
    }

    private static string Ratio(JsonElement element, string name) => element.GetProperty(name).GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
}
