using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Hosting;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor feeds</c>: the health of every configured feed, read from the same storage <c>monitor run</c> uses.</summary>
public static class FeedsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var feedsFile = new Option<string?>("--feeds") { Description = "Feeds file. Default: seeds/feeds.json", HelpName = "FILE" };
        var feed = new Option<string[]>("--feed") { Description = "A feed URL (repeatable), as given to monitor run.", HelpName = "URL" };
        var format = CommonOptions.Format();
        var schedule = new Option<string?>("--schedule")
        {
            Description = "The poll schedule monitor run uses (six-field NCRONTAB), to show when each feed is really polled next. Default: \"0 */5 * * * *\"",
            HelpName = "CRON",
        };
        var command = new Command("feeds", "Show each feed's health: last success, last error and its reason, consecutive failures, next poll.")
        {
            data, storage, feedsFile, feed, format, schedule,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = RunSettings.From(parse.GetValue(data), parse.GetValue(storage), parse.GetValue(feedsFile), parse.GetValue(feed) ?? [],
                topics: null, schedule: parse.GetValue(schedule), allowPrivateNetworks: false);
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
            await using var services = new ServiceCollection().AddLogging().AddNewsMonitor(configuration).BuildServiceProvider();
            IReadOnlyList<Api.FeedView> feeds;
            try
            {
                feeds = await services.GetRequiredService<FeedHealth>().ListAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or Microsoft.Extensions.Options.OptionsValidationException)
            {
                throw new UsageException(e.Message);
            }

            var output = parse.InvocationConfiguration.Output;
            foreach (var f in feeds)
            {
                if (parse.GetValue(format) == "json")
                {
                    output.WriteLine(System.Text.Json.JsonSerializer.Serialize(f, Api.ApiJson.Options));
                    continue;
                }
                var health = f.LastSuccessAt is null && f.LastErrorAt is null ? "never polled"
                    : f.ConsecutiveFailures > 0 ? $"FAILING x{f.ConsecutiveFailures}: {f.LastError}"
                    : $"ok, last success {f.LastSuccessAt:u}";
                var lease = f.LeasedUntil is { } until ? $"being polled (leased until {until:u}); " : "";
                output.WriteLine($"{f.Name ?? f.Title ?? "feed"} ({f.Id}) {f.Source}{Environment.NewLine}    {health}; {lease}next poll {f.NextPollAt?.ToString("u") ?? "now"}; {f.ItemsSeen} items, {f.MatchesFound} matches");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
