using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor feedback MATCH-ID --relevant|--not-relevant [--note TEXT]</c>: tell a running host whether a match belonged to its topic.</summary>
public static class FeedbackCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("MATCH-ID") { Description = "The match's id, as GET /api/matches shows it (topic.storykey)." };
        var relevant = new Option<bool>("--relevant") { Description = "The match belongs to its topic." };
        var notRelevant = new Option<bool>("--not-relevant") { Description = "The match does not belong to its topic (a false positive)." };
        var note = new Option<string?>("--note") { Description = "Why, in a few words (kept with the feedback).", HelpName = "TEXT" };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("feedback", "Mark a match relevant or not; it becomes a labelled example that `monitor topics suggest` learns from.")
        {
            id, relevant, notRelevant, note,
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(relevant) == result.GetValue(notRelevant))
                result.AddError("Give exactly one of --relevant and --not-relevant.");
        });
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, options,
            client => client.GiveFeedbackAsync(parse.GetValue(id)!, parse.GetValue(relevant), parse.GetValue(note), cancellationToken),
            (given, output) => output.WriteLine(
                $"Recorded: \"{given.Text("title")}\" is {(given.TryGetProperty("relevant", out var r) && r.GetBoolean() ? "relevant" : "not relevant")} to topic {given.Text("topicId")}.")));
        return command;
    }
}
