using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor subscriptions</c>: lists the subscriptions of a running host (never their secrets).</summary>
public static class SubscriptionsCommand
{
    public static Command Create()
    {
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("subscriptions", "List the subscriptions of a running host, with their status.") { api, apiKey };
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey, client => client.ListSubscriptionsAsync(cancellationToken)));
        return command;
    }
}
