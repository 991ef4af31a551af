using System.CommandLine;
using NewsMonitor.Api;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscribe URL --topic ID...</c>: subscribes a webhook receiver through a running host's API.</summary>
public static class SubscribeCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL")
        {
            Description = "The webhook receiver (it must answer GET URL?challenge=X with 2xx and body X), the Slack, Teams or Discord " +
                          "incoming-webhook URL, or the e-mail address for --channel email.",
        };
        var topic = new Option<string[]>("--topic") { Description = "A topic id to follow (repeatable).", Required = true, HelpName = "ID" };
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var channel = ChannelSubscribeOptions.Create();
        var command = new Command("subscribe", "Subscribe a webhook URL, a chat channel or an e-mail address to topics. Prints the subscription " +
                                               "(a webhook's signing secret is shown only here; chat and e-mail get a code to confirm with monitor verify).")
        {
            url, topic, api, apiKey,
        };
        channel.AddTo(command);
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey,
            client => client.SubscribeAsync(channel.Request(parse, parse.GetValue(url)!, parse.GetValue(topic)!), cancellationToken)));
        return command;
    }
}
