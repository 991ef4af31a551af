using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor topics suggest TOPIC-ID</c>: query edits a running host proposes from the topic's feedback and labels files, each measured.</summary>
public static class SuggestCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("TOPIC-ID") { Description = "The topic to improve." };
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("suggest", "Propose query edits (exclusions, required context, synonyms) from feedback, each with the matches it gains and loses.")
        {
            id, api, apiKey,
        };
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey,
            client => client.SuggestionsAsync(parse.GetValue(id)!, cancellationToken)));
        return command;
    }
}
