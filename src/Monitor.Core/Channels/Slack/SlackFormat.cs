using System.Text.Json.Nodes;

namespace NewsMonitor.Channels.Slack;

/// <summary>
/// Slack Block Kit for incoming webhooks: a top-level <c>text</c> (the notification and fallback) and <c>blocks</c>.
/// Limits kept: at most 50 blocks, section and context text at most 3,000 characters, header text at most 150.
/// Feed text is escaped for mrkdwn (&amp;, &lt;, &gt;) so a story cannot inject links or mentions.
/// </summary>
public sealed class SlackFormat : IChatFormat
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxFallbackText = 3000;

    public SubscriptionChannel Channel => SubscriptionChannel.Slack;

    public byte[] Alert(ChannelAlert alert)
    {
        var blocks = new JsonArray
        {
            Section($"{TitleLink(alert)}\n_{Escape(alert.TopicName)}_ · {Escape(alert.Reason)}"),
            Section("> " + Highlight(alert.Snippet)),
            Context("Sources: " + Sources(alert)),
        };
        return Message($"{alert.TopicName}: {alert.Title}", blocks);
    }

    public byte[] Digest(ChannelDigest digest)
    {
        var blocks = new JsonArray { Header(digest.Heading) };
        var shown = 0;
        foreach (var topic in ChannelAlerts.ByTopic(digest.Alerts))
        {
            // A topic heading and at least one story must fit, with room for the "more" line.
            if (blocks.Count + 3 > MaxBlocks) break;
            blocks.Add(Section($"*{Escape(topic.Key)}*"));
            foreach (var alert in topic)
            {
                if (blocks.Count + 2 > MaxBlocks) break;
                blocks.Add(Section($"{TitleLink(alert)}\n{Escape(alert.Reason)}\n> {Highlight(alert.Snippet)}\n_{Sources(alert)}_"));
                shown++;
            }
        }
        if (shown < digest.Alerts.Count)
            blocks.Add(Context($"…and {digest.Alerts.Count - shown} more; every alert is in the delivery log."));
        return Message(digest.Heading, blocks);
    }

    public byte[] Notice(string text, string emphasis) =>
        Message($"{text} {emphasis}", [Section($"{Escape(text)}\n*{Escape(emphasis)}*")]);

    private static byte[] Message(string fallback, JsonArray blocks) =>
        ChatJson.Bytes(new JsonObject { ["text"] = ChannelAlerts.Cut(Escape(fallback), MaxFallbackText), ["blocks"] = blocks });

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = ChannelAlerts.Cut(mrkdwn, MaxSectionText) },
    };

    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ChannelAlerts.Cut(text, MaxHeaderText) },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = ChannelAlerts.Cut(mrkdwn, MaxSectionText) }),
    };

    private static string TitleLink(ChannelAlert alert)
    {
        var title = Escape(ChannelAlerts.Cut(alert.Title, 500)).Replace('|', '¦');
        return ChatJson.IsWebLink(alert.Link) ? $"*<{EscapeUrl(alert.Link!)}|{title}>*" : $"*{title}*";
    }

    private static string Sources(ChannelAlert alert) =>
        string.Join(", ", alert.Sources.Take(10).Select(s => ChatJson.IsWebLink(s) ? $"<{EscapeUrl(s)}|{Escape(ChatJson.Host(s))}>" : Escape(s)));

    private static string Highlight(string snippet) => ChannelAlerts.Highlight(snippet, Escape, hit => $"*{hit.Replace('*', '∗')}*");

    /// <summary>The three characters Slack asks to escape in mrkdwn text.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string EscapeUrl(string url) => Escape(url).Replace("|", "%7C", StringComparison.Ordinal);
}
