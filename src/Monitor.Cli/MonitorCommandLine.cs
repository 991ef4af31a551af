using System.CommandLine;
using NewsMonitor.Cli.Commands;

namespace NewsMonitor.Cli;

/// <summary>The <c>monitor</c> command tree, built in one place so Program.cs and tests run the same commands.</summary>
public static class MonitorCommandLine
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("NewsMonitor: watches news feeds for topics and alerts subscribers by signed webhooks.")
        {
            ScanCommand.Create(),
            RunCommand.Create(),
            TopicsCommand.Create(),
            FeedsCommand.Create().With(Commands.FeedsApi.FeedApiCommands.Create()),
            SubscribeCommand.Create(),
            VerifyCommand.Create(),
            SubscriptionsCommand.Create(),
            DeliveriesCommand.Create(),
            ReplayCommand.Create(),
            MatchesCommand.Create(),
            FeedbackCommand.Create(),
        };
        foreach (var command in Commands.SubscriptionsApi.SubscriptionApiCommands.Create()) root.Subcommands.Add(command);
        // Bare `monitor` shows what it can do rather than an error.
        root.SetAction(parse => new System.CommandLine.Help.HelpAction().Invoke(parse));
        return root;
    }

    private static Command With(this Command command, IEnumerable<Command> subcommands)
    {
        foreach (var subcommand in subcommands) command.Subcommands.Add(subcommand);
        return command;
    }
}
