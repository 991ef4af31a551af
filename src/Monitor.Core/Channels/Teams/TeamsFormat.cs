using System.Text.Json.Nodes;

namespace NewsMonitor.Channels.Teams;

/// <summary>
/// A message with one Adaptive Card 1.4 attachment, the body a Teams Workflows ("Post to a channel when a webhook
/// request is received") webhook takes. Teams refuses messages over about 28 KB, so a digest stops adding stories at
/// <see cref="MaxMessageBytes"/> and says how many more there were.
/// </summary>
public sealed class TeamsFormat : IChatFormat
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardVersion = "1.4";
    public const int MaxMessageBytes = 24_000;

    public SubscriptionChannel Channel => SubscriptionChannel.Teams;

    public byte[] Alert(ChannelAlert alert)
    {
        var body = new JsonArray();
        AddStory(body, alert, withTopic: true);
        var actions = ChatJson.IsWebLink(alert.Link)
            ? new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the story", ["url"] = alert.Link })
            : null;
        return Message(body, actions);
    }

    public byte[] Digest(ChannelDigest digest)
    {
        var body = new JsonArray { Text(digest.Heading, weight: "Bolder", size: "Large") };
        var shown = 0;
        foreach (var topic in ChannelAlerts.ByTopic(digest.Alerts))
        {
            var group = new JsonArray { Text(topic.Key, weight: "Bolder", size: "Medium") };
            var added = false;
            foreach (var alert in topic)
            {
                var candidate = group.DeepClone().AsArray();
                AddStory(candidate, alert, withTopic: false);
                var trial = body.DeepClone().AsArray();
                foreach (var item in candidate) trial.Add(item!.DeepClone());
                if (Message(trial, null).Length > MaxMessageBytes - 500) break;
                group = candidate;
                added = true;
                shown++;
            }
            if (!added) break;
            foreach (var item in group) body.Add(item!.DeepClone());
        }
        if (shown < digest.Alerts.Count)
            body.Add(Text($"…and {digest.Alerts.Count - shown} more; every alert is in the delivery log.", subtle: true));
        return Message(body, null);
    }

    public byte[] Notice(string text, string emphasis) =>
        Message([Text(text), Text(emphasis, weight: "Bolder", size: "ExtraLarge")], null);

    private static void AddStory(JsonArray body, ChannelAlert alert, bool withTopic)
    {
        var title = Markdown(ChannelAlerts.Cut(alert.Title, 300));
        body.Add(Text(ChatJson.IsWebLink(alert.Link) ? $"[{title.Replace('[', '(').Replace(']', ')')}]({alert.Link})" : title,
            weight: "Bolder", size: withTopic ? "Medium" : null, separator: !withTopic));
        if (withTopic) body.Add(Text($"Topic: {Markdown(alert.TopicName)}", subtle: true));
        body.Add(Text(Markdown(alert.Reason)));
        body.Add(Text(Highlight(alert.Snippet)));
        body.Add(Text("Sources: " + string.Join(", ", alert.Sources.Take(10).Select(s => ChatJson.IsWebLink(s) ? $"[{ChatJson.Host(s)}]({s})" : Markdown(s))),
            subtle: true, size: "Small"));
    }

    private static byte[] Message(JsonArray body, JsonArray? actions)
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = CardVersion,
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (actions is not null) card["actions"] = actions;
        return ChatJson.Bytes(new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = card }),
        });
    }

    private static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        if (separator) block["separator"] = true;
        return block;
    }

    private static string Highlight(string snippet) => ChannelAlerts.Highlight(snippet, Markdown, hit => $"**{hit}**");

    /// <summary>Adaptive Card TextBlocks render a markdown subset; feed text must not turn into emphasis, lists or links.</summary>
    private static string Markdown(string text) => ChannelAlerts.BackslashEscape(text, @"\*_[]()#`");
}
