using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsMonitor.Channels.Email;
using NewsMonitor.Deliveries;
using NewsMonitor.Hosting;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Channels;

/// <summary>
/// Subscriptions of chat and e-mail channels: checks the channel's address, creates the subscription pending, sends it
/// a verification code (a chat message, or an e-mail with a confirmation link), and activates it when the code comes
/// back. A wrong code counts against <see cref="VerificationCodes.MaxFailedAttempts"/>; when they are used up the
/// subscription is disabled, so the code cannot be guessed.
/// </summary>
public sealed class ChannelSubscriptions(
    SubscriptionStore subscriptions,
    WebhookUrlValidator urlValidator,
    ChannelSender sender,
    ChannelLinks links,
    IOptions<EmailOptions> email,
    AlertPlanner planner,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<ChannelSubscriptions> logger)
{
    /// <summary>Checks the channel, its address and the delivery preferences of a subscribe request; returns the error to show otherwise.</summary>
    public async Task<(ChannelRequest? Request, string? Error)> CheckAsync(string? channelName, string? url, DeliveryPreferences? preferences,
        CancellationToken cancellationToken)
    {
        if (!SubscriptionChannels.TryParse(channelName, out var channel))
            return (null, $"\"channel\" must be {SubscriptionChannels.Names}, not '{channelName}'.");
        if (channel == SubscriptionChannel.Webhook)
            return preferences is null
                ? (new ChannelRequest(channel, url ?? "", null), null)
                : (null, "Digests, quiet hours and hourly limits are for the slack, teams, discord and email channels; a webhook gets every alert as it happens.");

        if (channel == SubscriptionChannel.Email)
        {
            if (!email.Value.IsConfigured)
                return (null, $"This service has no SMTP server configured ({EmailOptions.SectionName}:Host), so it cannot send e-mail alerts.");
            if (!links.IsConfigured)
                return (null, "This service has no Monitor:PublicBaseUrl, which e-mails need for their confirmation and unsubscribe links.");
            var address = url?.Trim() ?? "";
            if (address.StartsWith(ChannelSender.MailtoScheme, StringComparison.OrdinalIgnoreCase)) address = address[ChannelSender.MailtoScheme.Length..];
            if (address.Length is 0 or > 254 || !MailboxAddress.TryParse(address, out var mailbox) || mailbox.Address != address || !address.Contains('@', StringComparison.Ordinal))
                return (null, $"For the email channel, \"url\" is an e-mail address such as alice@example.com (or mailto:alice@example.com), not '{url}'.");
            return (new ChannelRequest(channel, ChannelSender.MailtoScheme + address, preferences), null);
        }

        var check = await urlValidator.ValidateAsync(url, cancellationToken).ConfigureAwait(false);
        return check.IsValid
            ? (new ChannelRequest(channel, check.Url.AbsoluteUri, preferences), null)
            : (null, $"The {channel.Name()} webhook URL cannot be used: {check.Reason}");
    }

    /// <summary>Creates the subscription pending and sends its code; when the channel does not take the code, nothing is kept.</summary>
    public async Task<(Subscription? Created, string? Error)> CreateAsync(IReadOnlyList<string> topics, ChannelRequest request, CancellationToken cancellationToken)
    {
        var code = VerificationCodes.New();
        var now = time.GetUtcNow();
        var subscription = new Subscription
        {
            Id = SubscriptionIds.New(),
            Url = request.Url,
            Topics = topics,
            Channel = request.Channel,
            Preferences = request.Preferences,
            Status = SubscriptionStatus.Pending,
            Secrets = [WebhookSecret.Generate().Reveal()],
            CreatedAt = now,
            LastVerificationAt = now,
            CodeVerification = new CodeVerification { CodeHash = VerificationCodes.Hash(code), SentAt = now },
            StatusReason = request.Channel == SubscriptionChannel.Email
                ? "Waiting for confirmation: open the link in the e-mail just sent, or POST its code to /verify."
                : "Waiting for verification: POST the code just posted to the channel to /api/subscriptions/{id}/verify (or run monitor verify).",
        };
        subscription = subscription with { StatusReason = subscription.StatusReason!.Replace("{id}", subscription.Id, StringComparison.Ordinal) };
        await subscriptions.TryCreateAsync(subscription, cancellationToken).ConfigureAwait(false);

        var attempt = await sender.SendCodeAsync(subscription, code, cancellationToken).ConfigureAwait(false);
        if (attempt.Outcome != DeliveryOutcome.Delivered)
        {
            await subscriptions.DeleteAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            return (null, $"The {request.Channel.Name()} channel did not take the verification message ({attempt.Error}); check the address and subscribe again.");
        }
        logger.LogInformation("Subscription {SubscriptionId} ({Channel}) created; verification code sent", subscription.Id, request.Channel.Name());
        return (subscription, null);
    }

    /// <summary>Checks a code sent back for a pending chat or e-mail subscription.</summary>
    public async Task<(CodeCheck Check, Subscription? Subscription)> VerifyAsync(string id, string code, CancellationToken cancellationToken)
    {
        // The id comes from a route: only a well-formed one may name a blob.
        if (!SubscriptionIds.IsValid(id)) return (CodeCheck.NotFound, null);
        var check = CodeCheck.NotFound;
        var now = time.GetUtcNow();
        var updated = await subscriptions.UpdateAsync(id, s =>
        {
            check = Judge(s, code);
            return check switch
            {
                CodeCheck.Verified => s! with { Status = SubscriptionStatus.Active, VerifiedAt = now, LastVerificationAt = now, CodeVerification = null, StatusReason = null },
                CodeCheck.Wrong => s! with { CodeVerification = s.CodeVerification! with { FailedAttempts = s.CodeVerification.FailedAttempts + 1 } },
                CodeCheck.Exhausted => s! with
                {
                    Status = SubscriptionStatus.Disabled,
                    CodeVerification = null,
                    StatusReason = $"{VerificationCodes.MaxFailedAttempts} wrong verification codes: delete this subscription and subscribe again.",
                },
                _ => null,
            };
        }, cancellationToken).ConfigureAwait(false);
        var current = updated ?? await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Subscription {SubscriptionId} code verification: {Check}", id, check);
        if (check == CodeCheck.Verified && updated is not null)
            await planner.BackfillAsync(updated, options.Value.BackfillWindow, cancellationToken).ConfigureAwait(false);
        return (check, current);
    }

    private static CodeCheck Judge(Subscription? s, string code) => s switch
    {
        null => CodeCheck.NotFound,
        { Channel: SubscriptionChannel.Webhook } => CodeCheck.NotByCode,
        { Status: SubscriptionStatus.Active } => CodeCheck.AlreadyActive,
        { Status: not SubscriptionStatus.Pending } or { CodeVerification: null } => CodeCheck.NotPending,
        _ when VerificationCodes.Matches(code, s.CodeVerification!.CodeHash) => CodeCheck.Verified,
        _ when s.CodeVerification!.FailedAttempts + 1 >= VerificationCodes.MaxFailedAttempts => CodeCheck.Exhausted,
        _ => CodeCheck.Wrong,
    };

    /// <summary>RFC 8058 one-click unsubscribe: disables the subscription (its log stays readable); true when it exists.</summary>
    public async Task<bool> UnsubscribeAsync(string id, CancellationToken cancellationToken)
    {
        if (!SubscriptionIds.IsValid(id)) return false;
        var updated = await subscriptions.UpdateAsync(id, s => s is null or { Status: SubscriptionStatus.Disabled } ? null : s with
        {
            Status = SubscriptionStatus.Disabled,
            StatusReason = "Unsubscribed with the link in an e-mail; subscribe again to resume alerts.",
        }, cancellationToken).ConfigureAwait(false);
        if (updated is not null) logger.LogInformation("Subscription {SubscriptionId} unsubscribed by its e-mail link", id);
        return updated is not null || await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) is not null;
    }
}

public enum CodeCheck
{
    Verified,
    Wrong,
    Exhausted,
    NotFound,
    NotByCode,
    AlreadyActive,
    NotPending,
}
