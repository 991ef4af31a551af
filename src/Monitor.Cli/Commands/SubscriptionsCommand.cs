using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscriptions</c>: lists the subscriptions of a running host (never their secrets).</summary>
public static class SubscriptionsCommand
{
    public static Command Create()
    {
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("subscriptions", "List the subscriptions of a running host, with their status."));
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, options, client => client.ListSubscriptionsAsync(cancellationToken),
            (list, output) =>
            {
                foreach (var subscription in list.EnumerateArray()) SubscriptionsApi.SubscriptionText.Subscription(subscription, output);
                output.WriteLine($"{list.GetArrayLength()} subscriptions.");
            }));
        return command;
    }
}
