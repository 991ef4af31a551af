using System.CommandLine;

namespace NewsMonitor.Cli.Commands.SubscriptionsApi;

/// <summary><c>monitor unsubscribe</c>, <c>monitor test</c>, <c>monitor rotate-secret</c>: one subscription of a running host.</summary>
public static class SubscriptionApiCommands
{
    public static IEnumerable<Command> Create() => [Unsubscribe(), Test(), RotateSecret()];

    private static Argument<string> Id() => new("SUBSCRIPTION-ID") { Description = "The subscription's id (sub_...), as `monitor subscriptions` lists it." };

    private static Command Unsubscribe()
    {
        var id = Id();
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("unsubscribe", "Delete a subscription: no more alerts; its delivery log stays readable for the retention period.") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.UnsubscribeAsync(parse.GetValue(id)!, ct),
            (_, output) => output.WriteLine($"Unsubscribed {parse.GetValue(id)}.")));
        return command;
    }

    private static Command Test()
    {
        var id = Id();
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("test", "Send a signed newsmonitor.test event to a subscription now and print the attempt.") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.TestSubscriptionAsync(parse.GetValue(id)!, ct),
            (attempt, output) => SubscriptionText.Attempt(attempt, output)));
        return command;
    }

    private static Command RotateSecret()
    {
        var id = Id();
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("rotate-secret", "Issue a new signing secret; the previous one keeps signing for 24 hours.") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.RotateSecretAsync(parse.GetValue(id)!, ct),
            (subscription, output) => SubscriptionText.Subscription(subscription, output)));
        return command;
    }
}
