using System.Text;
using System.Text.Json.Nodes;

namespace NewsMonitor.Channels.Discord;

/// <summary>
/// Discord "execute webhook" bodies with embeds. Limits kept: title 256, description 4,096, field value 1,024, at most
/// 10 embeds and 6,000 characters over all embeds. <c>allowed_mentions</c> is empty so that "@everyone" in a feed's
/// title pings no one, and feed text is escaped for Discord markdown.
/// </summary>
public sealed class DiscordFormat : IChatFormat
{
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFieldValue = 1024;
    public const int MaxEmbeds = 10;
    public const int MaxTotalCharacters = 6000;
    private const int Blue = 0x2B6CB0;
    private const string Footer = "NewsMonitor";

    public SubscriptionChannel Channel => SubscriptionChannel.Discord;

    public byte[] Alert(ChannelAlert alert)
    {
        var embed = new JsonObject
        {
            ["title"] = ChannelAlerts.Cut(alert.Title, MaxTitle),
            ["description"] = ChannelAlerts.Cut($"{Escape(alert.Reason)}\n> {Highlight(alert.Snippet)}", MaxDescription),
            ["color"] = Blue,
            ["fields"] = new JsonArray
            {
                new JsonObject { ["name"] = "Topic", ["value"] = ChannelAlerts.Cut(Escape(alert.TopicName), MaxFieldValue), ["inline"] = true },
                new JsonObject { ["name"] = "Sources", ["value"] = ChannelAlerts.Cut(Sources(alert), MaxFieldValue), ["inline"] = true },
            },
            ["footer"] = new JsonObject { ["text"] = Footer },
            ["timestamp"] = alert.SortTime.UtcDateTime.ToString("O"),
        };
        if (ChatJson.IsWebLink(alert.Link)) embed["url"] = alert.Link;
        return Message(null, [embed]);
    }

    public byte[] Digest(ChannelDigest digest)
    {
        // The budget counts what Discord counts: titles, descriptions, field names and values, footers.
        var budget = MaxTotalCharacters - 200;
        var embeds = new JsonArray();
        var shown = 0;
        foreach (var topic in ChannelAlerts.ByTopic(digest.Alerts))
        {
            if (embeds.Count == MaxEmbeds) break;
            var title = ChannelAlerts.Cut(topic.Key, MaxTitle);
            var lines = new StringBuilder();
            var room = Math.Min(MaxDescription, budget - title.Length);
            foreach (var alert in topic)
            {
                var line = $"• {TitleLink(alert)}\n{Escape(alert.Reason)}\n";
                if (lines.Length + line.Length > room) break;
                lines.Append(line);
                shown++;
            }
            if (lines.Length == 0) break;
            budget -= title.Length + lines.Length;
            embeds.Add(new JsonObject { ["title"] = title, ["description"] = lines.ToString().TrimEnd(), ["color"] = Blue });
        }
        var more = shown < digest.Alerts.Count ? $" (…and {digest.Alerts.Count - shown} more in the delivery log)" : "";
        return Message(ChannelAlerts.Cut($"**{Escape(digest.Heading)}**{more}", 2000), embeds);
    }

    public byte[] Notice(string text, string emphasis) => Message($"{Escape(text)} **{Escape(emphasis)}**", []);

    private static byte[] Message(string? content, JsonArray embeds)
    {
        var message = new JsonObject { ["username"] = "NewsMonitor" };
        if (content is not null) message["content"] = content;
        if (embeds.Count > 0) message["embeds"] = embeds;
        message["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        return ChatJson.Bytes(message);
    }

    private static string TitleLink(ChannelAlert alert)
    {
        var title = Escape(ChannelAlerts.Cut(alert.Title, 200)).Replace('[', '(').Replace(']', ')');
        return ChatJson.IsWebLink(alert.Link) ? $"**[{title}]({alert.Link})**" : $"**{title}**";
    }

    private static string Sources(ChannelAlert alert) =>
        string.Join(", ", alert.Sources.Take(10).Select(s => ChatJson.IsWebLink(s) ? $"[{Escape(ChatJson.Host(s))}]({s})" : Escape(s)));

    private static string Highlight(string snippet) => ChannelAlerts.Highlight(snippet, Escape, hit => $"**{hit}**");

    /// <summary>Backslash-escapes Discord markdown so feed text shows as typed.</summary>
    public static string Escape(string text) => ChannelAlerts.BackslashEscape(text, @"\*_~`|>[]");
}
