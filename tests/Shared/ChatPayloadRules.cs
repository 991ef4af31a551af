using System.Text.Json;

namespace NewsMonitor.Tests;

/// <summary>
/// What Slack, Microsoft Teams (Workflows) and Discord accept from an incoming webhook, as their documentation states
/// it: the message shape and the size limits. Each check returns the refusal a platform would give, or null.
/// </summary>
public static class ChatPayloadRules
{
    public static string? Slack(byte[] body) => Check(body, root =>
    {
        Require(root.ValueKind == JsonValueKind.Object, "the body is not a JSON object");
        AllowOnly(root, "text", "blocks", "username", "icon_emoji", "icon_url", "unfurl_links", "unfurl_media", "mrkdwn");
        Require(root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length is > 0 and <= 40_000, "text: 1 to 40,000 characters (the notification fallback)");
        Require(root.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array, "blocks: an array");
        Require(blocks.GetArrayLength() is > 0 and <= 50, $"blocks: 1 to 50, not {blocks.GetArrayLength()}");
        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            switch (type)
            {
                case "section":
                    SlackText(block.GetProperty("text"), 3000, "section text");
                    break;
                case "header":
                    SlackText(block.GetProperty("text"), 150, "header text", plainOnly: true);
                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    Require(elements.GetArrayLength() is > 0 and <= 10, "context: 1 to 10 elements");
                    foreach (var element in elements.EnumerateArray()) SlackText(element, 3000, "context element");
                    break;
                case "divider":
                    break;
                default:
                    throw new Refusal($"invalid_blocks: unknown block type '{type}'");
            }
        }
    });

    public static string? Teams(byte[] body) => Check(body, root =>
    {
        Require(body.Length <= 28 * 1024, $"the message is {body.Length} bytes; Teams takes at most 28 KB");
        Require(root.GetProperty("type").GetString() == "message", "type must be \"message\"");
        var attachments = root.GetProperty("attachments");
        Require(attachments.GetArrayLength() == 1, "one attachment");
        var attachment = attachments[0];
        Require(attachment.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive", "contentType: application/vnd.microsoft.card.adaptive");
        var card = attachment.GetProperty("content");
        Require(card.GetProperty("type").GetString() == "AdaptiveCard", "content.type: AdaptiveCard");
        Require(Version.TryParse(card.GetProperty("version").GetString(), out var version) && version >= new Version(1, 4) && version <= new Version(1, 5),
            "version: 1.4 or 1.5 (what Teams renders)");
        var items = card.GetProperty("body");
        Require(items.GetArrayLength() > 0, "body: at least one element");
        foreach (var item in items.EnumerateArray())
        {
            Require(item.GetProperty("type").GetString() == "TextBlock", "body: TextBlocks only are expected here");
            Require(item.GetProperty("text").GetString() is { Length: > 0 }, "TextBlock.text: not empty");
        }
        if (card.TryGetProperty("actions", out var actions))
            foreach (var action in actions.EnumerateArray())
            {
                Require(action.GetProperty("type").GetString() == "Action.OpenUrl", "actions: Action.OpenUrl");
                Require(Uri.TryCreate(action.GetProperty("url").GetString(), UriKind.Absolute, out _), "Action.OpenUrl.url: absolute");
            }
    });

    public static string? Discord(byte[] body) => Check(body, root =>
    {
        AllowOnly(root, "content", "username", "avatar_url", "tts", "embeds", "allowed_mentions", "flags", "thread_name");
        var hasContent = root.TryGetProperty("content", out var content);
        Require(!hasContent || content.GetString()!.Length <= 2000, "content: at most 2,000 characters");
        var hasEmbeds = root.TryGetProperty("embeds", out var embeds);
        Require(hasContent || hasEmbeds, "Cannot send an empty message");
        var total = 0;
        if (hasEmbeds)
        {
            Require(embeds.GetArrayLength() is > 0 and <= 10, "embeds: 1 to 10");
            foreach (var embed in embeds.EnumerateArray())
            {
                total += Length(embed, "title", 256) + Length(embed, "description", 4096);
                if (embed.TryGetProperty("url", out var url)) Require(Uri.TryCreate(url.GetString(), UriKind.Absolute, out _), "embed url: absolute");
                if (embed.TryGetProperty("timestamp", out var at)) Require(DateTimeOffset.TryParse(at.GetString(), out _), "embed timestamp: ISO 8601");
                if (embed.TryGetProperty("footer", out var footer)) total += Length(footer, "text", 2048);
                if (embed.TryGetProperty("fields", out var fields))
                {
                    Require(fields.GetArrayLength() <= 25, "fields: at most 25");
                    foreach (var field in fields.EnumerateArray())
                    {
                        total += Length(field, "name", 256, required: true) + Length(field, "value", 1024, required: true);
                    }
                }
            }
        }
        Require(total <= 6000, $"embeds: {total} characters in all; at most 6,000");
    });

    private static void SlackText(JsonElement text, int max, string what, bool plainOnly = false)
    {
        var type = text.GetProperty("type").GetString();
        Require(type == "plain_text" || (!plainOnly && type == "mrkdwn"), $"{what}: type plain_text{(plainOnly ? "" : " or mrkdwn")}");
        Require(text.GetProperty("text").GetString()!.Length is > 0 and var n && n <= max, $"{what}: 1 to {max} characters");
    }

    private static int Length(JsonElement parent, string name, int max, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value)) return required ? throw new Refusal($"{name}: required") : 0;
        var length = value.GetString()!.Length;
        Require(length <= max && (!required || length > 0), $"{name}: {length} characters; at most {max}");
        return length;
    }

    private static void AllowOnly(JsonElement root, params string[] names)
    {
        foreach (var property in root.EnumerateObject())
            Require(names.Contains(property.Name), $"unknown field '{property.Name}'");
    }

    private static string? Check(byte[] body, Action<JsonElement> rules)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            rules(json.RootElement);
            return null;
        }
        catch (Refusal e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"invalid payload: {e.Message}";
        }
    }

    private static void Require(bool condition, string refusal)
    {
        if (!condition) throw new Refusal(refusal);
    }

    private sealed class Refusal(string message) : Exception(message);
}
