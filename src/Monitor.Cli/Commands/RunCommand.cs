using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsMonitor.Hosting;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor run</c>: the local host — schedule, queue handlers and HTTP API — until Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the HTTP API listens.", DefaultValueFactory = _ => LocalHost.DefaultUrls, HelpName = "URL" };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var feedsFile = new Option<string?>("--feeds") { Description = "Feeds file (JSON array of { url, name }). Default: seeds/feeds.json, unless --feed is given.", HelpName = "FILE" };
        var feed = new Option<string[]>("--feed") { Description = "A feed URL to poll (repeatable); replaces the default feeds file unless --feeds is given too.", HelpName = "URL", AllowMultipleArgumentsPerToken = false };
        var topics = new Option<string?>("--topics") { Description = "Topics file. Default: seeds/topics.json", HelpName = "FILE" };
        var schedule = new Option<string?>("--schedule") { Description = "NCRONTAB schedule with seconds. Default: \"0 */5 * * * *\" (every 5 minutes).", HelpName = "NCRONTAB" };
        var allowPrivate = CommonOptions.AllowPrivateNetworks();
        var command = new Command("run", "Run the service locally: poll feeds on the schedule, store matches, deliver webhooks, serve the HTTP API.")
        {
            urls, data, storage, feedsFile, feed, topics, schedule, allowPrivate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(data) is not null && parse.GetValue(storage) is not null)
                throw new UsageException("Give either --data DIR or --storage CONNECTION_STRING, not both.");
            if (parse.GetValue(schedule) is { } cron && !Schedules.IsValid(cron))
                throw new UsageException(Schedules.Explain(cron));
            foreach (var value in parse.GetValue(feed) ?? [])
            {
                if (Feeds.FeedSource.TryGetHttpUrl(value, out _) || File.Exists(value)) continue;
                throw new UsageException($"--feed '{value}' is neither an http(s) URL (such as https://example.com/rss.xml) nor an existing file.");
            }

            var settings = RunSettings.From(
                data: parse.GetValue(data), storage: parse.GetValue(storage), feedsFile: parse.GetValue(feedsFile),
                feeds: parse.GetValue(feed) ?? [], topics: parse.GetValue(topics), schedule: parse.GetValue(schedule),
                allowPrivateNetworks: parse.GetValue(allowPrivate));
            await using var app = LocalHost.Build(settings, parse.GetValue(urls)!);
            try
            {
                LocalHost.CheckContent(app.Services);
                await Storage.StorageCheck.CheckAsync(app.Services, cancellationToken);
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or IOException or InvalidDataException or FormatException
                or Topics.TopicsFileException)
            {
                throw new UsageException($"Cannot start: {e.Message}");
            }
            app.Logger.LogInformation("NewsMonitor is running; API on {Urls}. Press Ctrl+C to stop.", string.Join(", ", app.Urls));
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
