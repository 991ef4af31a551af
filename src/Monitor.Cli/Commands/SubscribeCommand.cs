using System.CommandLine;
using NewsMonitor.Api;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscribe URL --topic ID...</c>: subscribes a webhook receiver through a running host's API.</summary>
public static class SubscribeCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "The webhook receiver. It must answer GET URL?challenge=X with 2xx and body X to be verified." };
        var topic = new Option<string[]>("--topic") { Description = "A topic id to follow (repeatable).", Required = true, HelpName = "ID" };
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("subscribe", "Subscribe a webhook URL to topics. Prints the subscription with its signing secret (shown only once).")
        {
            url, topic, api, apiKey,
        };
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey,
            client => client.SubscribeAsync(parse.GetValue(url)!, parse.GetValue(topic)!, cancellationToken)));
        return command;
    }
}
