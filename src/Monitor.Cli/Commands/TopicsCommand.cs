using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Matching;
using NewsMonitor.Scanning;
using NewsMonitor.Topics;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor topics</c>: list the topics, derive topics from an article, test a query or topic against feeds.</summary>
public static class TopicsCommand
{
    public static Command Create() => new("topics", "Work with watch topics: list, derive from an article, test against feeds.")
    {
        List(), DeriveCommand.Create(), Test(), BacktestCommand.Create(),
    };

    private static Command List()
    {
        var topics = CommonOptions.Topics();
        var command = new Command("list", "List the topics of a topics file with their queries.") { topics };
        command.SetAction(parse =>
        {
            foreach (var topic in CliServices.LoadTopics(parse.GetValue(topics)!))
                parse.InvocationConfiguration.Output.WriteLine($"{topic.Id,-22} {topic.Name}{Environment.NewLine}{"",-22} {topic.Query}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Test()
    {
        var queryOrTopic = new Argument<string>("QUERY-OR-TOPIC-ID") { Description = "A topic id from the topics file, or a query such as '\"peace treaty\" AND (Japan OR 日本)'." };
        var feeds = CommonOptions.Feeds("Feeds to try it on: http(s) URLs or local files.");
        var topics = CommonOptions.Topics();
        var allowPrivate = CommonOptions.AllowPrivateNetworks();
        var command = new Command("test", "Dry run: show which items of the feeds a query or topic would match, and why. Stores and sends nothing.")
        {
            queryOrTopic, feeds, topics, allowPrivate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var topic = ResolveTopic(parse.GetValue(queryOrTopic)!, parse.GetValue(topics)!);
            await using var services = CliServices.ForScanning(parse.GetValue(allowPrivate));
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            output.WriteLine($"Testing [{topic.Id}] {topic.Query}");
            var summary = await services.GetRequiredService<FeedScan>().RunAsync(
                parse.GetValue(feeds)!, TopicMatcher.Compile([topic]),
                hit => output.WriteLine($"{hit.Item.Title}{Environment.NewLine}    {hit.Item.Link ?? hit.Item.Id}{Environment.NewLine}    {MatchExplanation.Describe(hit.Match)}"),
                failure => errors.WriteLine(CliServices.FailureLine(failure, parse.GetValue(allowPrivate))),
                FeedScan.DefaultMaxConcurrency, cancellationToken);
            output.WriteLine($"{summary.Matches} of {summary.Items} items would match ({summary.FeedsRead} feeds read, {summary.FeedsFailed} failed).");
            return summary.FeedsFailed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A topic id of the file wins; anything else must parse as a query (or it is a usage error with the position).</summary>
    private static Topic ResolveTopic(string queryOrTopicId, string topicsFile)
    {
        if (Pipeline.TopicIds.IsValid(queryOrTopicId) && File.Exists(Hosting.ContentPaths.Resolve(topicsFile))
            && CliServices.LoadTopics(topicsFile).FirstOrDefault(t => t.Id == queryOrTopicId) is { } known)
            return known;
        if (!TopicQuery.TryParse(queryOrTopicId, out _, out var error))
            throw new UsageException($"'{Shortened(queryOrTopicId)}' is neither a topic id in {topicsFile} nor a valid query: {error.Message}");
        return new Topic { Id = "query", Name = "query", Query = queryOrTopicId };
    }

    /// <summary>A refused 60 KB query is not echoed whole.</summary>
    private static string Shortened(string query) => query.Length <= 200 ? query : query[..200] + $"… ({query.Length:N0} characters)";
}
