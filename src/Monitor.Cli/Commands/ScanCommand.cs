using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Matching;
using NewsMonitor.Scanning;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor scan</c>: read feeds, print what matches; stores nothing, notifies no one.</summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var topics = CommonOptions.Topics();
        var format = CommonOptions.Format();
        var allowPrivate = CommonOptions.AllowPrivateNetworks();
        var concurrency = new Option<int>("--concurrency") { Description = "How many feeds to read at once.", DefaultValueFactory = _ => FeedScan.DefaultMaxConcurrency };
        var feeds = CommonOptions.Feeds("Feeds to read: http(s) URLs or local file paths.");
        var command = new Command("scan", "Read feeds and print every item that matches a topic, with the reason. Exit code 1 if some feed failed.")
        {
            topics, format, allowPrivate, concurrency, feeds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(concurrency) is < 1 or > 1024) throw new UsageException("--concurrency must be between 1 and 1024.");
            // Loaded, validated and compiled while the feeds are read; a bad topics file stops the scan at once (exit 2).
            var topicsFile = parse.GetValue(topics)!;
            var matcher = Task.Run(() => TopicMatcher.Compile(CliServices.LoadTopics(topicsFile)), cancellationToken);
            await using var services = CliServices.ForScanning(parse.GetValue(allowPrivate));
            await using var output = ScanOutput.For(parse.InvocationConfiguration.Output);
            var errors = parse.InvocationConfiguration.Error;
            var json = parse.GetValue(format) == "json";

            var summary = await services.GetRequiredService<FeedScan>().RunAsync(
                parse.GetValue(feeds)!, matcher,
                hit =>
                {
                    if (json) output.WriteJsonLine(hit);
                    else output.WriteLine(ScanHitFormat.ToText(hit));
                },
                failure => errors.WriteLine(CliServices.FailureLine(failure, parse.GetValue(allowPrivate))),
                parse.GetValue(concurrency), cancellationToken);

            if (!json)
                output.WriteLine($"{summary.FeedsRead} feeds read, {summary.FeedsFailed} failed, {summary.Items} items, {summary.Matches} matches.");
            return summary.FeedsFailed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}
