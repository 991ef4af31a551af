using System.Net;
using System.Text;
using MimeKit;

namespace NewsMonitor.Channels.Email;

/// <summary>
/// Builds the e-mails: an alert, a digest (grouped by topic, newest first) and the confirmation, each as plain text and
/// HTML. Alerts and digests carry RFC 8058 one-click unsubscribe headers (<c>List-Unsubscribe</c> with an https link
/// and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>), so mail clients offer an unsubscribe button that
/// works without a reply or a login. The Message-Id derives from the delivery id, so a retried send is recognisable.
/// </summary>
public static class EmailComposer
{
    public static MimeMessage Alert(string from, string to, string messageKey, ChannelAlert alert, Uri unsubscribe)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        AppendStory(text, html, alert, withTopic: true);
        return Compose(from, to, messageKey, $"[{alert.TopicName}] {alert.Title}", text, html, unsubscribe);
    }

    public static MimeMessage Digest(string from, string to, string messageKey, ChannelDigest digest, Uri unsubscribe)
    {
        var text = new StringBuilder().Append(digest.Heading).Append("\n\n");
        var html = new StringBuilder().Append("<h1 style=\"font-size:20px\">").Append(Html(digest.Heading)).Append("</h1>");
        foreach (var topic in ChannelAlerts.ByTopic(digest.Alerts))
        {
            text.Append("== ").Append(topic.Key).Append(" ==\n\n");
            html.Append("<h2 style=\"font-size:16px\">").Append(Html(topic.Key)).Append("</h2>");
            foreach (var alert in topic) AppendStory(text, html, alert, withTopic: false);
        }
        return Compose(from, to, messageKey, digest.Heading, text, html, unsubscribe);
    }

    public static MimeMessage Confirmation(string from, string to, string subscriptionId, string code, Uri confirm)
    {
        var text = new StringBuilder()
            .Append("Someone asked to send NewsMonitor alerts to this address.\n\n")
            .Append("To confirm, open this link:\n").Append(confirm.AbsoluteUri).Append("\n\n")
            .Append("or enter the code ").Append(code).Append(" (monitor verify ").Append(subscriptionId).Append(' ').Append(code).Append(").\n\n")
            .Append("If you did not ask for this, ignore this message: nothing will be sent.\n");
        var html = new StringBuilder()
            .Append("<p>Someone asked to send NewsMonitor alerts to this address.</p>")
            .Append("<p><a href=\"").Append(Html(confirm.AbsoluteUri)).Append("\">Confirm the subscription</a></p>")
            .Append("<p>or enter the code <strong>").Append(Html(code)).Append("</strong>.</p>")
            .Append("<p>If you did not ask for this, ignore this message: nothing will be sent.</p>");
        return Compose(from, to, "confirm-" + subscriptionId, "Confirm your NewsMonitor alerts", text, html, unsubscribe: null);
    }

    private static void AppendStory(StringBuilder text, StringBuilder html, ChannelAlert alert, bool withTopic)
    {
        text.Append(alert.Title).Append('\n');
        if (alert.Link is not null) text.Append(alert.Link).Append('\n');
        if (withTopic) text.Append("Topic: ").Append(alert.TopicName).Append('\n');
        text.Append(alert.Reason).Append('\n')
            .Append(alert.Snippet).Append('\n')
            .Append("Sources: ").Append(string.Join(", ", alert.Sources)).Append("\n\n");

        html.Append("<div style=\"margin:0 0 18px 0\"><div style=\"font-size:16px;font-weight:bold\">");
        if (ChatJson.IsWebLink(alert.Link)) html.Append("<a href=\"").Append(Html(alert.Link!)).Append("\">").Append(Html(alert.Title)).Append("</a>");
        else html.Append(Html(alert.Title));
        html.Append("</div>");
        if (withTopic) html.Append("<div style=\"color:#555\">Topic: ").Append(Html(alert.TopicName)).Append("</div>");
        html.Append("<div>").Append(Html(alert.Reason)).Append("</div><blockquote style=\"margin:6px 0;color:#333\">");
        html.Append(ChannelAlerts.Highlight(alert.Snippet, Html, hit => $"<mark>{hit}</mark>"));
        html.Append("</blockquote><div style=\"color:#777;font-size:12px\">Sources: ")
            .Append(string.Join(", ", alert.Sources.Select(Html))).Append("</div></div>");
    }

    private static MimeMessage Compose(string from, string to, string messageKey, string subject, StringBuilder text, StringBuilder html, Uri? unsubscribe)
    {
        if (unsubscribe is not null)
        {
            text.Append("--\nStop these alerts: ").Append(unsubscribe.AbsoluteUri).Append('\n');
            html.Append("<hr><p style=\"color:#777;font-size:12px\"><a href=\"").Append(Html(unsubscribe.AbsoluteUri))
                .Append("\">Unsubscribe</a> from these NewsMonitor alerts.</p>");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = ChannelAlerts.Cut(subject, 200);
        message.MessageId = $"{messageKey}@newsmonitor";
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // Marks the mail as machine-sent, so out-of-office replies stay away (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder
        {
            TextBody = text.ToString(),
            HtmlBody = $"<!DOCTYPE html><html><body style=\"font-family:sans-serif\">{html}</body></html>",
        }.ToMessageBody();
        return message;
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
