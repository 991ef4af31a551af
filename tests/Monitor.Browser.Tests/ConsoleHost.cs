using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using NewsMonitor.Testing;
using NewsMonitor.Tests;

namespace NewsMonitor.Browser.Tests;

/// <summary>
/// <c>monitor run</c>'s host on 127.0.0.1 (random port) with an API key, folder storage in a temp dir, a loopback
/// feed server carrying two stories (one the seed topic <c>shikotan</c> matches, one about Kunashir that no topic
/// matches yet) and a loopback webhook receiver.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    public const string ApiKey = "console-test-key-5d2c";
    public const string ShikotanTitle = "Fishermen return to Shikotan after the storm";
    public const string KunashirTitle = "Ferry to Kunashir delayed by ice";
    public const string SecondFeedTitle = "Second wire";

    private ConsoleHost(WebApplication app, Uri baseAddress, string data, FeedServer feeds, WebhookReceiver receiver)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDirectory = data;
        Feeds = feeds;
        Receiver = receiver;
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public FeedServer Feeds { get; }
    public WebhookReceiver Receiver { get; }
    public Uri FirstFeed => Feeds.Url("/first.xml");
    public Uri SecondFeed => Feeds.Url("/second.xml");

    public static async Task<ConsoleHost> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("newsmonitor-console-").FullName;
        var feeds = await FeedServer.StartAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var first = feeds.Serve("/first.xml", FeedServerResponses.Feed(Rss("Loopback news",
            ("shikotan-1", ShikotanTitle, "Boats from Shikotan were back in port on Monday."),
            ("kunashir-1", KunashirTitle, "Drift ice kept the Kunashir ferry in Nemuro for two days."))));
        feeds.Serve("/second.xml", FeedServerResponses.Feed(Rss(SecondFeedTitle, ("bread-1", "Bakery wins a national bread award", "Nothing about islands."))));
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:ApiKey"] = ApiKey,
            ["Monitor:Storage:DataDirectory"] = data,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:Webhooks:RequireHttps"] = "false",
            ["Monitor:FeedsFile"] = "",
            ["Monitor:FeedUrls:0"] = first.AbsoluteUri,
        };
        var (app, address) = await LoopbackLocalHost.StartAsync(settings, logging => logging.ClearProviders());
        return new ConsoleHost(app, address, data, feeds, receiver);
    }

    private static string Rss(string title, params (string Guid, string Title, string Summary)[] items)
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{SecurityElement.Escape(title)}</title><link>https://news.example/</link>");
        foreach (var (guid, itemTitle, summary) in items)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><guid>{guid}</guid><title>{SecurityElement.Escape(itemTitle)}</title><link>https://news.example/{guid}</link><description>{SecurityElement.Escape(summary)}</description></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        await Feeds.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
