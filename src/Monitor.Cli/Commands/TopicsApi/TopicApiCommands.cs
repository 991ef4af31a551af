using System.CommandLine;
using System.Text.Json;

namespace NewsMonitor.Cli.Commands.TopicsApi;

/// <summary><c>monitor topics add|update|remove</c>: change the custom topics of a running host.</summary>
public static class TopicApiCommands
{
    public static IEnumerable<Command> Create() => [Add(), Update(), Remove()];

    private static (Argument<string> Id, Option<string> Name, Option<string> Query) TopicArguments(string what) =>
        (new Argument<string>("TOPIC-ID") { Description = $"The topic's id {what}: lower-case letters, digits and dashes." },
         new Option<string>("--name") { Description = "The topic's name, shown in alerts.", Required = true, HelpName = "NAME" },
         new Option<string>("--query") { Description = "The query, e.g. 'kuril* OR курил*' (see docs/QUERY-LANGUAGE.md).", Required = true, HelpName = "QUERY" });

    private static Command Add()
    {
        var (id, name, query) = TopicArguments("to create");
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("add", "Create a custom topic on a running host; the next poll matches it.") { id, name, query });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.AddTopicAsync(parse.GetValue(id)!, parse.GetValue(name)!, parse.GetValue(query)!, ct),
            (topic, output) => output.WriteLine($"Created {Describe(topic)}")));
        return command;
    }

    private static Command Update()
    {
        var (id, name, query) = TopicArguments("to change");
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("update", "Replace a custom topic's name and query on a running host; in force for the next poll.") { id, name, query });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.UpdateTopicAsync(parse.GetValue(id)!, parse.GetValue(name)!, parse.GetValue(query)!, ct),
            (topic, output) => output.WriteLine($"Updated {Describe(topic)}")));
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("TOPIC-ID") { Description = "The custom topic's id." };
        var force = new Option<bool>("--force") { Description = "Delete it even though subscriptions follow it (they keep the id and get nothing for it)." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("remove", "Delete a custom topic from a running host; refused while subscriptions follow it, unless --force.") { id, force });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.RemoveTopicAsync(parse.GetValue(id)!, parse.GetValue(force), ct),
            (_, output) => output.WriteLine($"Deleted topic {parse.GetValue(id)}.")));
        return command;
    }

    /// <summary>"Kuril islands [kuril] (custom): kuril* OR курил*".</summary>
    public static string Describe(JsonElement topic) =>
        $"{topic.Text("name")} [{topic.Text("id")}] ({topic.Text("source")}): {topic.Text("query")}";
}
