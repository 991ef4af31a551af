using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscribe URL --topic ID...</c>: subscribes a webhook receiver through a running host's API.</summary>
public static class SubscribeCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "The webhook receiver. It must answer GET URL?challenge=X with 2xx and body X to be verified." };
        var topic = new Option<string[]>("--topic") { Description = "A topic id to follow (repeatable).", Required = true, HelpName = "ID" };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("subscribe", "Subscribe a webhook URL to topics. Prints the subscription with its signing secret (shown only once).")
        {
            url, topic,
        });
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, options,
            client => client.SubscribeAsync(parse.GetValue(url)!, parse.GetValue(topic)!, cancellationToken),
            SubscriptionsApi.SubscriptionText.Subscription));
        return command;
    }
}
