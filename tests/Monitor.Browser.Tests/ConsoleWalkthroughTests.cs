using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsMonitor.Browser.Tests;

/// <summary>
/// The console in a real Chromium against <c>monitor run</c>'s host with loopback feeds and a loopback webhook
/// receiver: the API key prompt, a topic written with the live test highlighting an item, matches, feeds, a
/// subscription whose delivery appears and is replayed — and no request to any other host.
/// </summary>
public sealed class ConsoleWalkthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ConsoleHost host = null!;
    private ConsoleBrowser browser = null!;

    private IPage Page => browser.Page;

    public async Task InitializeAsync()
    {
        host = await ConsoleHost.StartAsync();
        if (SystemChromium.Path is { } chromium) browser = await ConsoleBrowser.LaunchAsync(chromium);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [SkippableFact]
    public async Task AnAnalystWritesATopicWatchesMatchesFeedsAndSubscriptionsInTheBrowser()
    {
        Skip.If(browser is null, SystemChromium.MissingReason);
        await WaitForFirstPollAsync();
        Page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "Delete …?" confirmations

        // The key is asked for once, then kept for the tab.
        await Page.GotoAsync(new Uri(host.BaseAddress, "#/topics").AbsoluteUri);
        await Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "API key" })).ToBeVisibleAsync();
        await Page.GetByLabel("Key", new() { Exact = true }).FillAsync(ConsoleHost.ApiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(Page.Locator("li[data-topic='shikotan']")).ToBeVisibleAsync();
        await Expect(Page.Locator("li[data-topic='shikotan'] .days")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("1 matches in 7 days"));

        // A query error is shown at its position as it is typed; a valid query's live test highlights the item.
        await Page.GetByLabel("Id").FillAsync("kunashir");
        await Page.GetByLabel("Name").FillAsync("Kunashir island");
        var query = Page.GetByLabel("Query");
        await query.FillAsync("kunashir (ferry");
        await Expect(Page.Locator("#query-error [role=alert]")).ToContainTextAsync("'(' is never closed (at position 9)");
        await Expect(Page.Locator("#query-error .error-at mark")).ToHaveTextAsync("(");
        await Expect(query).ToHaveAttributeAsync("aria-invalid", "true");
        await query.FillAsync("kunashir");
        await Expect(Page.Locator("#live-summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 of 2 items seen since"));
        await Expect(Page.Locator("#live-test .hit mark")).ToHaveTextAsync("Kunashir");
        await Expect(Page.Locator("#live-test .hit h4")).ToHaveTextAsync(ConsoleHost.KunashirTitle);
        await Expect(Page.Locator("#live-test .hit .reason")).ToHaveTextAsync("Matched \"kunashir\" in the title and summary.");
        await Expect(query).Not.ToHaveAttributeAsync("aria-invalid", "true");
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("topics-live-test")}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create topic" }).ClickAsync();
        await Expect(Page.Locator("li[data-topic='kunashir']")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Topic \"Kunashir island\" created.");

        // A custom topic is edited in place.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit and test Kunashir island" }).ClickAsync();
        await Page.GetByLabel("Query").FillAsync("kunashir OR kunashiri");
        await Expect(Page.Locator("#live-comparison")).ToHaveTextAsync("Against the saved query of \"kunashir\": 0 newly caught, 0 dropped, 1 kept.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(Page.Locator("li[data-topic='kunashir'] .query")).ToHaveTextAsync("kunashir OR kunashiri");

        // Testing a variant of a saved topic lists what it newly catches against the saved query.
        await Page.Locator("li[data-topic='shikotan']").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Test a variant of ") }).ClickAsync();
        await Page.GetByLabel("Query").FillAsync("shikotan OR kunashir");
        await Expect(Page.Locator("#live-comparison")).ToHaveTextAsync("Against the saved query of \"shikotan\": 1 newly caught, 0 dropped, 1 kept.");
        await Expect(Page.Locator("#live-test .badge.new")).ToHaveCountAsync(2); // in "Newly caught" and in its day
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("topics")}");

        // Matches: newest first with the highlighted snippet, reason and source; filterable by topic.
        await NavigateAsync("Matches");
        var match = Page.Locator("li.match[data-topic='shikotan']");
        await Expect(match.Locator("h3")).ToHaveTextAsync(ConsoleHost.ShikotanTitle);
        await Expect(match.Locator(".snippet mark").First).ToHaveTextAsync("Shikotan");
        await Expect(match.Locator(".reason")).ToHaveTextAsync("Matched \"shikotan*\" in the title and summary.");
        await Expect(match.Locator(".meta").Last).ToContainTextAsync(host.FirstFeed.AbsoluteUri);
        await Page.GetByLabel("Topic").SelectOptionAsync("shikotan");
        await Expect(Page.Locator("li.match")).ToHaveCountAsync(1);
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("matches")}");

        // Feeds: health, sortable.
        await NavigateAsync("Feeds");
        var firstFeed = Page.Locator($"tr[data-source='{host.FirstFeed.AbsoluteUri}']");
        await Expect(firstFeed.Locator(".badge")).ToHaveTextAsync("ok");
        await Expect(firstFeed.Locator("td[data-label='Items seen']")).ToHaveTextAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Items seen" }).ClickAsync();
        await Expect(Page.Locator("th[aria-sort='ascending']")).ToHaveTextAsync("Items seen");

        // A feed is added, polled now, and removed.
        await Page.GetByLabel("Feed URL").FillAsync(host.SecondFeed.AbsoluteUri);
        await Page.GetByLabel("Name (optional)").FillAsync(ConsoleHost.SecondFeedTitle);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add feed" }).ClickAsync();
        var secondFeed = Page.Locator($"tr[data-source='{host.SecondFeed.AbsoluteUri}']");
        await Expect(secondFeed.Locator(".badge")).ToHaveTextAsync("never polled");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Poll {ConsoleHost.SecondFeedTitle} now" }).ClickAsync();
        await Expect(secondFeed.Locator("td[data-label='Items seen']")).ToHaveTextAsync("1");
        await Expect(secondFeed.Locator(".badge")).ToHaveTextAsync("ok");
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("feeds")}");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Remove {ConsoleHost.SecondFeedTitle}" }).ClickAsync();
        await Expect(secondFeed).ToHaveCountAsync(0);

        // Subscriptions: the secret is shown once with a copy button; the backfilled alert appears and is replayed.
        await NavigateAsync("Subscriptions");
        await Page.GetByLabel("URL or address").FillAsync(host.Receiver.Url.AbsoluteUri);
        await Page.Locator("#sub-topic-shikotan").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(Page.Locator("#secret-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Copy secret" })).ToBeFocusedAsync();
        var delivered = await host.Receiver.WaitForDeliveriesAsync(1);
        var card = Page.Locator("li.subscription");
        await Page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Expect(Page.Locator("#secret-value")).ToHaveCountAsync(0);
        await card.Locator("summary", new() { HasText = "Deliveries" }).ClickAsync();
        var row = card.Locator("tr[data-delivery]");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("delivered");
        await Expect(row.Locator("td[data-label='Attempts'] li")).ToContainTextAsync("delivered, HTTP 200");
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("subscriptions")}");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Replay alert ") }).ClickAsync();
        var both = await host.Receiver.WaitForDeliveriesAsync(2);
        Assert.Equal(delivered[0].Headers["webhook-id"], both[1].Headers["webhook-id"]);
        await Expect(row.Locator("td[data-label='Status']")).ToContainTextAsync("1 replays");
        await Expect(Page.Locator("li.subscription .badge").First).ToHaveTextAsync("active");

        // Everything the page loaded came from the service itself.
        var foreign = browser.Requests.Where(url => !url.StartsWith(host.BaseAddress.AbsoluteUri, StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Requests to other hosts: " + string.Join(", ", foreign));
        Assert.Contains(browser.Requests, url => url.EndsWith("/js/main.js", StringComparison.Ordinal));
    }

    private Task NavigateAsync(string page) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = page, Exact = true }).ClickAsync();

    /// <summary>The host polls its feed at start; the live test needs those items kept.</summary>
    private async Task WaitForFirstPollAsync()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", ConsoleHost.ApiKey);
        await NewsMonitor.Tests.EndToEnd.Eventually.UntilAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>("api/matches?topic=shikotan")).GetArrayLength() > 0, "the first poll's match");
    }
}
