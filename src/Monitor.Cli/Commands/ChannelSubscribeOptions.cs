using System.CommandLine;
using NewsMonitor.Api;

namespace NewsMonitor.Cli.Commands;

/// <summary>The channel and delivery-preference options of <c>monitor subscribe</c>; the API checks their values and explains refusals.</summary>
public sealed class ChannelSubscribeOptions
{
    private readonly Option<string?> _channel = new("--channel") { Description = "webhook (default), slack, teams, discord or email.", HelpName = "CHANNEL" };
    private readonly Option<string?> _digest = new("--digest") { Description = "Gather alerts into a digest: hourly or daily (chat and e-mail).", HelpName = "FREQUENCY" };
    private readonly Option<string?> _digestAt = new("--digest-at") { Description = "Local time of the daily digest, e.g. 08:00.", HelpName = "HH:MM" };
    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "IANA time zone of --digest-at and --quiet-hours, e.g. Europe/Berlin (default UTC).", HelpName = "ZONE" };
    private readonly Option<string?> _quietHours = new("--quiet-hours") { Description = "Hold alerts in this local window and send them as one digest when it ends, e.g. 22:00-07:00.", HelpName = "FROM-UNTIL" };
    private readonly Option<int?> _maxPerHour = new("--max-per-hour") { Description = "At most this many single alerts an hour; the rest go out as a digest.", HelpName = "N" };

    public static ChannelSubscribeOptions Create() => new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _channel, _digest, _digestAt, _timeZone, _quietHours, _maxPerHour }) command.Options.Add(option);
    }

    public CreateSubscriptionRequest Request(ParseResult parse, string url, IReadOnlyList<string> topics) => new()
    {
        Url = url,
        Topics = topics,
        Channel = parse.GetValue(_channel),
        Digest = parse.GetValue(_digest),
        DigestAt = parse.GetValue(_digestAt),
        TimeZone = parse.GetValue(_timeZone),
        QuietHours = parse.GetValue(_quietHours),
        MaxAlertsPerHour = parse.GetValue(_maxPerHour),
    };
}
