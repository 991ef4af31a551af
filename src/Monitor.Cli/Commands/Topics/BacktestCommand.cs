using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Backtest;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>monitor topics backtest QUERY|ID --since 7d</c>: what a query or topic would have matched, per day, over the
/// items <c>monitor run</c> kept (same storage options as <c>monitor feeds</c>). Stores and sends nothing.
/// </summary>
public static class BacktestCommand
{
    public static Command Create()
    {
        var queryOrTopic = new Argument<string>("QUERY-OR-TOPIC-ID") { Description = "A topic id (from the topics file or created through the API), or a query." };
        var since = new Option<string>("--since") { Description = "How far back: 7d, 36h, 90m or an ISO 8601 time.", DefaultValueFactory = _ => BacktestWindow.DefaultSince, HelpName = "WINDOW" };
        var compareWith = new Option<string?>("--compare-with") { Description = "A topic id: also list the items the query newly catches or drops against that topic's saved query.", HelpName = "TOPIC-ID" };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var topics = new Option<string?>("--topics") { Description = "Topics file. Default: seeds/topics.json", HelpName = "FILE" };
        var format = CommonOptions.Format();
        var command = new Command("backtest", "Show what a query or topic would have matched over the recently seen items, per day, with the reason. Stores and sends nothing.")
        {
            queryOrTopic, since, compareWith, data, storage, topics, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = RunSettings.From(parse.GetValue(data), parse.GetValue(storage), feedsFile: null, feeds: [],
                parse.GetValue(topics), schedule: null, allowPrivateNetworks: false);
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
            await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
            BacktestResult result;
            try
            {
                var text = parse.GetValue(queryOrTopic)!;
                var isTopic = TopicIds.IsValid(text) && await services.GetRequiredService<TopicCatalog>().GetAsync(text, cancellationToken) is not null;
                var request = new BacktestRequest
                {
                    Query = isTopic ? null : text,
                    TopicId = isTopic ? text : null,
                    Since = parse.GetValue(since),
                    CompareWith = parse.GetValue(compareWith),
                };
                result = await services.GetRequiredService<Backtester>().RunAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is BacktestException or InvalidDataException or NewsMonitor.Topics.TopicsFileException or Microsoft.Extensions.Options.OptionsValidationException)
            {
                throw new UsageException(e.Message);
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(result, Api.ApiJson.Options));
                return ExitCodes.Success;
            }
            output.WriteLine($"Backtest of {result.Query}");
            output.WriteLine($"{result.Matched} of {result.ItemsExamined} items seen since {result.Since:u} would match.");
            foreach (var day in result.Days)
            {
                output.WriteLine($"{day.Date}: {day.Matched}");
                foreach (var hit in day.Items) WriteHit(output, hit);
            }
            if (result.Comparison is { } comparison)
            {
                output.WriteLine($"Against topic '{comparison.TopicId}': {comparison.Caught.Count} newly caught, {comparison.Dropped.Count} dropped, {comparison.Kept} kept.");
                foreach (var hit in comparison.Caught.Concat(comparison.Dropped)) WriteHit(output, hit);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteHit(TextWriter output, BacktestHit hit)
    {
        var change = hit.Change is { } c and not "kept" ? $"[{c}] " : "";
        output.WriteLine($"  {change}{hit.Item.Title}{Environment.NewLine}      {hit.Item.Link ?? hit.Item.Id}{Environment.NewLine}      {hit.Reason} {hit.Snippet}");
    }
}
