using System.CommandLine;
using System.Globalization;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor matches [--topic ID] [--since TIME] [--limit N]</c>: the stories a running host has matched, newest first.</summary>
public static class MatchesCommand
{
    public static Command Create()
    {
        var topic = new Option<string?>("--topic") { Description = "Only matches of this topic id.", HelpName = "ID" };
        var since = new Option<string?>("--since") { Description = "Only matches since this time (ISO 8601, e.g. 2026-11-30T00:00:00Z).", HelpName = "TIME" };
        var limit = new Option<int?>("--limit") { Description = "At most this many (1-1000; default 100).", HelpName = "N" };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("matches", "List the stories a running host matched, newest first, each with its topic and why.") { topic, since, limit });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.ListMatchesAsync(parse.GetValue(topic), parse.GetValue(since), parse.GetValue(limit), ct),
            (matches, output) =>
            {
                foreach (var m in matches.EnumerateArray())
                {
                    var item = m.GetProperty("item");
                    output.WriteLine($"{SubscriptionsApi.SubscriptionText.Time(m, "matchedAt")}  {m.Text("topicName")}: {item.Text("title")}");
                    if (item.Text("link") is { } link) output.WriteLine($"    {link}");
                    var hits = m.GetProperty("hits").EnumerateArray().Select(h => new Matching.TermHit(h.Text("term")!, h.Text("field")!)).ToArray();
                    output.WriteLine($"    {Alerts.AlertWhy.Sentence(m.Text("topicName")!, hits)}");
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{matches.GetArrayLength()} matches."));
            }));
        return command;
    }
}
