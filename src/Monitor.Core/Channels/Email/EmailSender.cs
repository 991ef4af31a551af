using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Channels.Email;

/// <summary>
/// Sends one message per SMTP session with MailKit and reports it as a delivery attempt: a 4xx answer or a network
/// failure is retried on the schedule; a 5xx answer (mailbox unknown, message refused) cannot get better by waiting,
/// so the alert is dead-lettered at once (replayable once fixed).
/// </summary>
public sealed partial class EmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailSender> logger)
{
    public EmailOptions Options => options.Value;

    public async Task<DeliveryAttempt> SendAsync(string subscriptionId, MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        if (!settings.IsConfigured) return NotConfigured(subscriptionId);

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            var answer = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return Log(subscriptionId, new DeliveryAttempt(started, 250, time.GetElapsedTime(clock), DeliveryOutcome.Delivered, null, null), answer);
        }
        catch (SmtpCommandException e) when (!cancellationToken.IsCancellationRequested)
        {
            var code = (int)e.StatusCode;
            var outcome = code >= 500 ? DeliveryOutcome.Blocked : DeliveryOutcome.Retry;
            return Log(subscriptionId, new DeliveryAttempt(started, code, time.GetElapsedTime(clock), outcome, $"the SMTP server answered {code}: {Short(e.Message)}", null));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is SmtpProtocolException or AuthenticationException or IOException
                                      or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException or SslHandshakeException)
        {
            return Log(subscriptionId, new DeliveryAttempt(started, null, time.GetElapsedTime(clock), DeliveryOutcome.Retry, $"SMTP failed: {Short(e.Message)}", null));
        }
    }

    /// <summary>The attempt of a send while no SMTP server is configured: dead-lettered, replayable once it is.</summary>
    public DeliveryAttempt NotConfigured(string subscriptionId) =>
        Log(subscriptionId, new DeliveryAttempt(time.GetUtcNow(), null, TimeSpan.Zero, DeliveryOutcome.Blocked, $"no SMTP server is configured ({EmailOptions.SectionName}:Host)", null));

    private static SecureSocketOptions Security(EmailSecurity security) => security switch
    {
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Auto => SecureSocketOptions.Auto,
        EmailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static string Short(string message) => message.Length <= 300 ? message : message[..300] + "…";

    private DeliveryAttempt Log(string subscriptionId, DeliveryAttempt attempt, string? serverAnswer = null)
    {
        // The recipient's address is personal data: the log names the subscription only.
        LogAttempt(subscriptionId, attempt.Outcome, attempt.StatusCode, attempt.Latency.TotalMilliseconds, attempt.Error ?? serverAnswer);
        return attempt;
    }

    [LoggerMessage(LogLevel.Information, "E-mail for {SubscriptionId}: {Outcome}, status {StatusCode}, {LatencyMs:0} ms {Detail}")]
    private partial void LogAttempt(string subscriptionId, DeliveryOutcome outcome, int? statusCode, double latencyMs, string? detail);
}
