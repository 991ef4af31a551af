using System.Text.Json.Serialization;

namespace NewsMonitor.Channels;

/// <summary>Where a subscription's alerts go and in which format.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionChannel>))]
public enum SubscriptionChannel
{
    /// <summary>A signed CloudEvent POSTed to the subscriber's URL, verified by challenge (the original contract).</summary>
    [JsonStringEnumMemberName("webhook")] Webhook,

    /// <summary>Block Kit message to a Slack incoming webhook.</summary>
    [JsonStringEnumMemberName("slack")] Slack,

    /// <summary>Adaptive Card to a Microsoft Teams Workflows (Power Automate) webhook.</summary>
    [JsonStringEnumMemberName("teams")] Teams,

    /// <summary>Embeds to a Discord channel webhook.</summary>
    [JsonStringEnumMemberName("discord")] Discord,

    /// <summary>E-mail over SMTP, one per story or as digests.</summary>
    [JsonStringEnumMemberName("email")] Email,
}

public static class SubscriptionChannels
{
    public const string Names = "webhook, slack, teams, discord or email";

    public static bool TryParse(string? text, out SubscriptionChannel channel)
    {
        channel = SubscriptionChannel.Webhook;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "webhook": return true;
            case "slack": channel = SubscriptionChannel.Slack; return true;
            case "teams": channel = SubscriptionChannel.Teams; return true;
            case "discord": channel = SubscriptionChannel.Discord; return true;
            case "email": channel = SubscriptionChannel.Email; return true;
            default: return false;
        }
    }

    public static string Name(this SubscriptionChannel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>Chat channels: the URL is a bearer secret (whoever has it can post), so it is masked everywhere.</summary>
    public static bool IsChat(this SubscriptionChannel channel) =>
        channel is SubscriptionChannel.Slack or SubscriptionChannel.Teams or SubscriptionChannel.Discord;

    /// <summary>Channels verified by a code the service sends, since they cannot answer a challenge.</summary>
    public static bool VerifiesByCode(this SubscriptionChannel channel) => channel != SubscriptionChannel.Webhook;
}
