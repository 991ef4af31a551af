using Microsoft.Extensions.Options;
using MimeKit;
using NewsMonitor.Channels.Discord;
using NewsMonitor.Channels.Email;
using NewsMonitor.Channels.Slack;
using NewsMonitor.Channels.Teams;
using NewsMonitor.Matches;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Channels;

/// <summary>
/// Sends to chat and e-mail subscriptions: one alert, a digest, or the verification code, each in the channel's own
/// format. Every send is one attempt with a <see cref="DeliveryAttempt"/> outcome, so the delivery handler retries,
/// logs, dead-letters and replays these exactly as it does webhooks.
/// </summary>
public sealed class ChannelSender(ChatSender chat, EmailSender email, ChannelLinks links)
{
    private static readonly Dictionary<SubscriptionChannel, IChatFormat> Formats = new IChatFormat[]
    {
        new SlackFormat(), new TeamsFormat(), new DiscordFormat(),
    }.ToDictionary(f => f.Channel);

    public static IChatFormat Format(SubscriptionChannel channel) =>
        Formats.TryGetValue(channel, out var format) ? format : throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a chat channel.");

    public const string MailtoScheme = "mailto:";

    public static string EmailAddress(Subscription subscription) => subscription.Url[MailtoScheme.Length..];

    public async Task<DeliveryAttempt> SendAlertAsync(string deliveryId, Subscription subscription, StoredMatch match, CancellationToken cancellationToken)
    {
        var alert = ChannelAlerts.From(match);
        if (subscription.Channel == SubscriptionChannel.Email)
            return await SendEmailAsync(subscription, async from => EmailComposer.Alert(from, EmailAddress(subscription), deliveryId, alert,
                await links.UnsubscribeAsync(subscription.Id, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        return await chat.PostAsync(subscription.Id, subscription.Url, Format(subscription.Channel).Alert(alert), cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeliveryAttempt> SendDigestAsync(string deliveryId, Subscription subscription, IReadOnlyList<StoredMatch> matches, string why,
        CancellationToken cancellationToken)
    {
        var digest = ChannelDigest.For(matches.Select(ChannelAlerts.From).ToArray(), why);
        if (subscription.Channel == SubscriptionChannel.Email)
            return await SendEmailAsync(subscription, async from => EmailComposer.Digest(from, EmailAddress(subscription), deliveryId, digest,
                await links.UnsubscribeAsync(subscription.Id, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        return await chat.PostAsync(subscription.Id, subscription.Url, Format(subscription.Channel).Digest(digest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts the verification code to a chat channel, or mails the confirmation link and code.</summary>
    public async Task<DeliveryAttempt> SendCodeAsync(Subscription subscription, string code, CancellationToken cancellationToken)
    {
        if (subscription.Channel == SubscriptionChannel.Email)
            return await SendEmailAsync(subscription, async from => EmailComposer.Confirmation(from, EmailAddress(subscription), subscription.Id, code,
                await links.ConfirmAsync(subscription.Id, code, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        var text = $"NewsMonitor was asked to post alerts here (subscription {subscription.Id}). To confirm, run `monitor verify {subscription.Id} {code}` " +
                   $"or POST {{\"code\": \"{code}\"}} to /api/subscriptions/{subscription.Id}/verify. The code:";
        return await chat.PostAsync(subscription.Id, subscription.Url, Format(subscription.Channel).Notice(text, code), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryAttempt> SendEmailAsync(Subscription subscription, Func<string, Task<MimeMessage>> compose, CancellationToken cancellationToken)
    {
        if (!email.Options.IsConfigured) return email.NotConfigured(subscription.Id);
        using var message = await compose(email.Options.From ?? "").ConfigureAwait(false);
        return await email.SendAsync(subscription.Id, message, cancellationToken).ConfigureAwait(false);
    }
}
