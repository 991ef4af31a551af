using System.CommandLine;
using System.Text.Json;

namespace NewsMonitor.Cli.Commands.FeedsApi;

/// <summary><c>monitor feeds add|remove|poll</c>: change a running host's feed list, and poll a feed now.</summary>
public static class FeedApiCommands
{
    public static IEnumerable<Command> Create() => [Add(), Remove(), Poll()];

    private static Command Add()
    {
        var url = new Argument<string>("URL") { Description = "The feed's http(s) URL (RSS, Atom or JSON Feed)." };
        var name = new Option<string?>("--name") { Description = "A name to show for the feed in lists and alerts.", HelpName = "NAME" };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("add", "Add a feed to a running host; its next poll cycle reads it (no restart). Prints the feed's id.") { url, name });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.AddFeedAsync(parse.GetValue(url)!, parse.GetValue(name), ct),
            (feed, output) => output.WriteLine($"Added {Describe(feed)}")));
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("FEED-ID") { Description = "The feed's id (fd_...), as `monitor feeds --format json` or GET /api/feeds shows it." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("remove", "Take a feed off a running host's list (a feed of the feeds file stays off after restarts).") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.RemoveFeedAsync(parse.GetValue(id)!, ct),
            (_, output) => output.WriteLine($"Removed feed {parse.GetValue(id)}.")));
        return command;
    }

    private static Command Poll()
    {
        var id = new Argument<string>("FEED-ID") { Description = "The feed's id (fd_...)." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("poll", "Poll a feed now, ignoring its ttl and failure backoff, and print what the poll found.") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.PollFeedAsync(parse.GetValue(id)!, ct),
            (poll, output) =>
            {
                var feed = poll.GetProperty("feed");
                output.WriteLine(poll.Text("error") is { } error
                    ? $"Polled {Describe(feed)}: failed: {error}"
                    : $"Polled {Describe(feed)}: {poll.GetProperty("newItems").GetInt32()} new items, {poll.GetProperty("matches").GetInt32()} matches.");
            }));
        return command;
    }

    /// <summary>"NHK News (fd_0123...) https://..." — the name (or the feed's own title) first, then id and URL.</summary>
    public static string Describe(JsonElement feed) =>
        $"{feed.Text("name") ?? feed.Text("title") ?? "feed"} ({feed.Text("id")}) {feed.Text("source")}";
}
