using System.CommandLine;
using NewsMonitor.Cli;
using NewsMonitor.Cli.Commands;

var root = new RootCommand("NewsMonitor: watches news feeds for topics and alerts subscribers by signed webhooks.")
{
    ScanCommand.Create(),
    RunCommand.Create(),
    TopicsCommand.Create(),
    FeedsCommand.Create(),
    SubscribeCommand.Create(),
    SubscriptionsCommand.Create(),
    DeliveriesCommand.Create(),
};

return await CommandLineRunner.RunAsync(root, args);
