using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using NewsMonitor.Hosting;
using NewsMonitor.Tests.Api;
using NewsMonitor.Tests.EndToEnd;
using NewsMonitor.Testing;
using CapturedLogs = NewsMonitor.Tests.Api.CapturedLogs;

namespace NewsMonitor.Tests.Channels;

/// <summary>
/// <c>monitor run</c> (polling and looking for due digests every second, on folder storage) beside a Slack-, a Teams- and
/// a Discord-format receiver — each refusing, with 400, a payload its platform would refuse — and a real SMTP server.
/// The host's public base URL is its own address, so the links in its e-mails work against it.
/// </summary>
internal sealed partial class ChannelHost : IAsyncDisposable
{
    public const string ApiKey = "channels-e2e-key";
    public const string From = "NewsMonitor <alerts@newsmonitor.test>";

    /// <summary>A path shaped like a Slack hook's; the credential part must never show in views or logs.</summary>
    public const string SecretPath = "services/T0001/B0002/XyzSecretToken42";

    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ChannelHost(WebApplication app, string dataDirectory, Uri address, FeedServer feeds, SmtpTestServer smtp,
        Dictionary<string, WebhookReceiver> chats, CapturedLogs logs)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        BaseAddress = address;
        Feeds = feeds;
        Smtp = smtp;
        Chats = chats;
        Logs = logs;
        Api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
    }

    public Uri BaseAddress { get; }
    public HttpClient Api { get; }
    public FeedServer Feeds { get; }
    public SmtpTestServer Smtp { get; }

    /// <summary>The chat receivers by channel name: slack, teams, discord.</summary>
    public Dictionary<string, WebhookReceiver> Chats { get; }

    public CapturedLogs Logs { get; }

    public static async Task<ChannelHost> StartAsync(NewsFeed feed)
    {
        var feeds = await FeedServer.StartAsync();
        var smtp = await SmtpTestServer.StartAsync();
        var chats = new Dictionary<string, WebhookReceiver>
        {
            ["slack"] = await WebhookReceiver.StartAsync(),
            ["teams"] = await WebhookReceiver.StartAsync(),
            ["discord"] = await WebhookReceiver.StartAsync(),
        };
        chats["slack"].PayloadCheck = ChatPayloadRules.Slack;
        chats["teams"].PayloadCheck = ChatPayloadRules.Teams;
        chats["discord"].PayloadCheck = ChatPayloadRules.Discord;

        var dataDirectory = MonitorSettings.NewDataDirectory();
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = MonitorSettings.For([feeds.Serve(MainFlow.FeedPath, feed.Serve)], LocalMonitor.EverySecond, MonitorSettings.Folder(dataDirectory));
        settings["Monitor:ApiKey"] = ApiKey;
        settings["Monitor:PublicBaseUrl"] = address.AbsoluteUri;
        settings["Monitor:Channels:DigestSchedule"] = LocalMonitor.EverySecond;
        settings["Monitor:Email:Host"] = "127.0.0.1";
        settings["Monitor:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Monitor:Email:Security"] = "None";
        settings["Monitor:Email:From"] = From;

        var logs = new CapturedLogs();
        var app = LocalHost.Build(settings, address.AbsoluteUri.TrimEnd('/'), logs.AttachTo);
        await app.StartAsync();
        return new ChannelHost(app, dataDirectory, address, feeds, smtp, chats, logs);
    }

    public Uri ChatUrl(string channel) => new(Chats[channel].BaseAddress, SecretPath);

    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected)
    {
        using var response = await Api.PostAsJsonAsync(path, body);
        return await ApiHost.ReadAsync(response, expected);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        return await ApiHost.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Subscribes a chat receiver, reads the code it was sent and verifies with it; returns the subscription id.</summary>
    public async Task<string> SubscribeChatAsync(string channel, object? preferences = null)
    {
        var before = Chats[channel].Deliveries.Count;
        var created = await PostAsync("api/subscriptions", Merge(new { url = ChatUrl(channel).AbsoluteUri, topics = new[] { "shikotan" }, channel }, preferences),
            HttpStatusCode.Created);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!;
        var notice = (await Chats[channel].WaitForDeliveriesAsync(before + 1))[before];
        var code = CodeIn(Encoding.UTF8.GetString(notice.Body));
        var verified = await PostAsync($"api/subscriptions/{id}/verify", new { code }, HttpStatusCode.OK);
        Assert.Equal("active", verified.GetProperty("status").GetString());
        return id;
    }

    /// <summary>Subscribes an address, opens the confirmation link of the e-mail it gets (no API key), and returns the subscription id.</summary>
    public async Task<string> SubscribeEmailAsync(string address, object? preferences = null)
    {
        var before = Smtp.Messages.Count;
        var created = await PostAsync("api/subscriptions", Merge(new { url = address, topics = new[] { "shikotan" }, channel = "email" }, preferences),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var confirmation = (await Smtp.WaitForMessagesAsync(before + 1))[before];
        Assert.Equal(address, confirmation.To.Mailboxes.Single().Address);
        var link = LinkIn(confirmation.TextBody, "api/confirm");
        using var anonymous = new HttpClient();
        using var page = await anonymous.GetAsync(link);
        Assert.True(page.StatusCode == HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        Assert.Equal("active", (await GetAsync($"api/subscriptions/{id}")).GetProperty("status").GetString());
        return id;
    }

    public static string CodeIn(string text) => CodePattern().Match(text) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"No code in: {text}");

    public Uri LinkIn(string? text, string path) =>
        new(Regex.Match(text ?? "", Regex.Escape(BaseAddress.AbsoluteUri + path) + @"\?token=[A-Za-z0-9_\-.%]+").Value is { Length: > 0 } link
            ? link
            : throw new Xunit.Sdk.XunitException($"No {path} link in: {text}"));

    private static Dictionary<string, object?> Merge(object body, object? extra)
    {
        var merged = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) merged[p.Name] = p.Value;
        return merged;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")]
    private static partial Regex CodePattern();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var chat in Chats.Values) await chat.DisposeAsync();
        await Smtp.DisposeAsync();
        await Feeds.DisposeAsync();
        MonitorSettings.DeleteDataDirectory(_dataDirectory);
    }
}
