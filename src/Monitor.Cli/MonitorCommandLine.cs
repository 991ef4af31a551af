using System.CommandLine;
using NewsMonitor.Cli.Commands;

namespace NewsMonitor.Cli;

/// <summary>The <c>monitor</c> command tree, built in one place so Program.cs and tests run the same commands.</summary>
public static class MonitorCommandLine
{
    public static RootCommand CreateRoot() => new("NewsMonitor: watches news feeds for topics and alerts subscribers by signed webhooks.")
    {
        ScanCommand.Create(),
        RunCommand.Create(),
        TopicsCommand.Create(),
        FeedsCommand.Create(),
        SubscribeCommand.Create(),
        VerifyCommand.Create(),
        SubscriptionsCommand.Create(),
        DeliveriesCommand.Create(),
    };
}
