using System.Net;
using System.Text;
using System.Text.Json;
using NewsMonitor.Tests.EndToEnd;

namespace NewsMonitor.Tests.Channels;

/// <summary>
/// The issue's "done when", on <c>monitor run</c>: a Slack-, a Teams- and a Discord-format receiver and an SMTP server,
/// each verified through its channel's verification, get correctly formatted alerts for a new matching story, and a
/// digest at the scheduled time with quiet hours honoured; the e-mail's one-click unsubscribe works against the API.
/// </summary>
public sealed class ChannelsEndToEndTests
{
    private static readonly string[] ChatChannels = ["slack", "teams", "discord"];

    [Fact]
    public async Task Every_channel_verified_its_own_way_gets_a_formatted_alert_and_email_unsubscribes_in_one_click()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        await using var host = await ChannelHost.StartAsync(feed);
        var ids = new Dictionary<string, string>();
        foreach (var channel in ChatChannels) ids[channel] = await host.SubscribeChatAsync(channel);
        ids["email"] = await host.SubscribeEmailAsync("alice@example.com");

        feed.Add(MainFlow.Matching);

        foreach (var channel in ChatChannels)
        {
            // The code notice, then the alert; the receiver answered 2xx only to payloads its platform would take.
            var alert = Encoding.UTF8.GetString((await host.Chats[channel].WaitForDeliveriesAsync(2, TimeSpan.FromSeconds(60)))[1].Body);
            Assert.Contains(MainFlow.Matching.Title, alert);
            Assert.Contains(MainFlow.Matching.Link, alert);
            Assert.Contains("news.example", alert); // the source
            Assert.Contains("Matched", alert); // the reason
            Assert.DoesNotContain(host.Chats[channel].Requests, r => !r.WasDelivered);
        }
        var mail = (await host.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.Contains(MainFlow.Matching.Title, mail.Subject);
        Assert.Contains(MainFlow.Matching.Link, mail.TextBody);
        Assert.Contains($"<a href=\"{MainFlow.Matching.Link}\">", mail.HtmlBody);
        Assert.Contains("<mark>", mail.HtmlBody);
        Assert.Equal("alerts@newsmonitor.test", mail.From.Mailboxes.Single().Address);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = host.LinkIn(mail.Headers["List-Unsubscribe"], "api/unsubscribe");

        // Chat webhook URLs are secrets: masked in every view, never in the log.
        var listed = (await host.GetAsync("api/subscriptions")).GetRawText();
        Assert.DoesNotContain("XyzSecretToken42", listed);
        Assert.Contains("/…en42", JsonDocument.Parse(listed).RootElement.EnumerateArray().First(s => s.GetProperty("channel").GetString() == "slack").GetProperty("url").GetString());
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("SecretToken", StringComparison.Ordinal));

        // Opening the link (a person, or a mail scanner) only shows a button that POSTs it.
        using var anonymous = new HttpClient();
        var page = await anonymous.GetStringAsync(unsubscribe);
        Assert.Contains("<form method=\"post\"", page);
        Assert.Equal("active", (await host.GetAsync($"api/subscriptions/{ids["email"]}")).GetProperty("status").GetString());
        using var badConfirm = await anonymous.GetAsync(new Uri(host.BaseAddress, "api/confirm?token=forged.token"));
        Assert.Equal(HttpStatusCode.BadRequest, badConfirm.StatusCode);

        // RFC 8058: what a mail client's unsubscribe button sends, with no API key.
        using var oneClick = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("disabled", (await host.GetAsync($"api/subscriptions/{ids["email"]}")).GetProperty("status").GetString());
        using var forged = await anonymous.PostAsync(unsubscribe.AbsoluteUri.Replace("token=", "token=x", StringComparison.Ordinal), null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_story_in_quiet_hours_reaches_every_channel_as_one_digest_when_they_end()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        await using var host = await ChannelHost.StartAsync(feed);
        // Quiet from an hour ago until 40 s from now, to the second, in UTC.
        var start = DateTimeOffset.UtcNow;
        var quietEnd = start.AddSeconds(40);
        var quiet = new { quietHours = $"{start.AddHours(-1):HH:mm:ss}-{quietEnd:HH:mm:ss}", timeZone = "Etc/UTC" };
        foreach (var channel in ChatChannels) await host.SubscribeChatAsync(channel, quiet);
        await host.SubscribeEmailAsync("bob@example.com", quiet);
        Assert.True(DateTimeOffset.UtcNow < quietEnd - TimeSpan.FromSeconds(10), "subscribing took so long that the quiet hours are nearly over");

        feed.Add(MainFlow.Matching);
        await Eventually.UntilAsync(async () => (await host.GetAsync("api/matches?topic=shikotan")).GetArrayLength() > 0, "the story to match");

        foreach (var channel in ChatChannels)
        {
            var digest = (await host.Chats[channel].WaitForDeliveriesAsync(2, TimeSpan.FromSeconds(90)))[1];
            Assert.True(digest.ReceivedAt >= quietEnd.AddSeconds(-1), $"{channel} got the digest at {digest.ReceivedAt:O}, before the quiet hours ended at {quietEnd:O}");
            var text = Encoding.UTF8.GetString(digest.Body);
            Assert.Contains("1 story (quiet hours)", text);
            Assert.Contains(MainFlow.Matching.Title, text);
        }
        var mail = (await host.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(90)))[1];
        Assert.Contains("1 story (quiet hours)", mail.Subject);
        Assert.Contains("== Shikotan", mail.TextBody);
        Assert.Contains(MainFlow.Matching.Title, mail.HtmlBody);
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
        Assert.True(DateTimeOffset.UtcNow >= quietEnd.AddSeconds(-1));
    }
}
