using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Matching;
using NewsMonitor.Scanning;
using NewsMonitor.Topics;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor topics</c>: list the topics, derive topics from an article, test a query or topic against feeds.</summary>
public static class TopicsCommand
{
    public static Command Create()
    {
        var command = new Command("topics", "Work with watch topics: list, add, update, remove (on a running host), derive from an article, test and backtest.")
        {
            List(), DeriveCommand.Create(), Test(), BacktestCommand.Create(),
            EvaluateCommand.Create(), SuggestCommand.Create(),
        };
        foreach (var change in TopicsApi.TopicApiCommands.Create()) command.Subcommands.Add(change);
        return command;
    }

    /// <summary>
    /// The topics of a running host (file and custom ones); with --topics FILE, or when no host answers at the default
    /// address, those of the topics file.
    /// </summary>
    private static Command List()
    {
        var topics = new Option<string?>("--topics") { Description = "List this topics file instead of asking a running host.", HelpName = "FILE" };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("list", "List the topics of a running host (or of a topics file) with their queries.") { topics });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var file = parse.GetValue(topics);
            if (file is null)
            {
                var client = ApiCommand.Connect(parse, options.Api, options.ApiKey);
                try
                {
                    var listed = await client.ListTopicsAsync(cancellationToken);
                    if (parse.GetValue(options.Format) == "json") output.WriteLine(System.Text.Json.JsonSerializer.Serialize(listed, Api.ApiJson.Options));
                    else foreach (var topic in listed.EnumerateArray()) output.WriteLine($"{TopicsApi.TopicApiCommands.Describe(topic)}");
                    return ExitCodes.Success;
                }
                catch (Api.MonitorApiException e) when (e.StatusCode is null && parse.GetResult(options.Api) is null or { Implicit: true })
                {
                    file = "seeds/topics.json";
                    parse.InvocationConfiguration.Error.WriteLine($"note: no host answers at {parse.GetValue(options.Api)}; listing {file} instead.");
                }
            }
            var fromFile = CliServices.LoadTopics(file);
            if (parse.GetValue(options.Format) == "json")
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(fromFile, Api.ApiJson.Options));
            else
                foreach (var topic in fromFile) output.WriteLine($"{topic.Name} [{topic.Id}] (file): {topic.Query}");
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
            var topic = ResolveTopic(parse.GetValue(queryOrTopic)!, parse.GetValue(topics)!, parse.InvocationConfiguration.Error);
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
    /// <remarks>A word shaped like a topic id that the file lacks is still tried as a query, but the user is told so.</remarks>
    private static Topic ResolveTopic(string queryOrTopicId, string topicsFile, TextWriter errors)
    {
        var lists = File.Exists(Hosting.ContentPaths.Resolve(topicsFile)) ? CliServices.LoadTopicsDocument(topicsFile).Lists : TermLists.Empty;
        if (Pipeline.TopicIds.IsValid(queryOrTopicId) && File.Exists(Hosting.ContentPaths.Resolve(topicsFile)))
        {
            var known = CliServices.LoadTopics(topicsFile);
            if (known.FirstOrDefault(t => t.Id == queryOrTopicId) is { } topic) return topic;
            errors.WriteLine($"note: '{queryOrTopicId}' is not a topic id in {topicsFile} (its ids: {string.Join(", ", known.Select(t => t.Id))}); testing it as a query.");
        }
        if (!TopicQuery.TryParse(queryOrTopicId, lists, out _, out var error))
            throw new UsageException($"'{Shortened(queryOrTopicId)}' is neither a topic id in {topicsFile} nor a valid query: {error.Message}");
        return new Topic { Id = "query", Name = "query", Query = queryOrTopicId, Lists = lists };
    }

    /// <summary>A refused 60 KB query is not echoed whole.</summary>
    private static string Shortened(string query) => query.Length <= 200 ? query : query[..200] + $"… ({query.Length:N0} characters)";
}
