using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsMonitor.Browser.Tests;

/// <summary>
/// Every page of the console on a phone-width screen: nothing wider than the screen, every control with an
/// accessible name, text contrast of at least 4.5:1 (WCAG AA), and the pages reachable by keyboard alone.
/// </summary>
public sealed class ConsoleLayoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Pages = ["topics", "matches", "feeds", "subscriptions"];

    // Controls whose accessible name would be empty: aria-label, a <label>, or their own text.
    private const string UnnamedControls = """
        () => [...document.querySelectorAll('button, input, select, textarea, a[href], summary')]
          .filter(e => !e.closest('dialog:not([open])'))
          .filter(e => !((e.getAttribute('aria-label') || [...(e.labels || [])].map(l => l.textContent).join(' ') || e.textContent || '').trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    // Text whose colour against its (first opaque) background is below 4.5:1, per the WCAG relative-luminance formula.
    private const string LowContrastText = """
        () => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
          const bad = [];
          for (const e of document.querySelectorAll('body *')) {
            if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) || !e.offsetParent && e.tagName !== 'BODY') continue;
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || parseFloat(style.opacity) < 1) continue;
            const a = lum(rgb(style.color)), b = lum(background(e));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) bad.push(`${ratio.toFixed(2)}: ${e.tagName} ${e.textContent.trim().slice(0, 40)}`);
          }
          return bad;
        }
        """;

    private ConsoleHost host = null!;
    private ConsoleBrowser browser = null!;

    public async Task InitializeAsync()
    {
        host = await ConsoleHost.StartAsync();
        if (SystemChromium.Path is { } chromium) browser = await ConsoleBrowser.LaunchAsync(chromium, width: 390, height: 844);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [SkippableFact]
    public async Task EveryPageFitsAPhoneNamesItsControlsHasReadableContrastAndWorksByKeyboard()
    {
        Skip.If(browser is null, SystemChromium.MissingReason);
        var page = browser.Page;
        // The key as the prompt would have kept it, before any script of the page runs.
        await browser.Context.AddInitScriptAsync($"sessionStorage.setItem('newsmonitor.apiKey', '{ConsoleHost.ApiKey}')");

        foreach (var name in Pages)
        {
            await page.GotoAsync("about:blank"); // a new document each time: each page is checked as first drawn
            await page.GotoAsync(new Uri(host.BaseAddress, $"#/{name}").AbsoluteUri);
            await Expect(page.Locator("main h1")).ToHaveTextAsync(char.ToUpperInvariant(name[0]) + name[1..]);
            await Expect(page.Locator("main")).Not.ToHaveAttributeAsync("aria-busy", "true");
            await Expect(page.Locator("main .notice.error")).ToHaveCountAsync(0);

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"#/{name} is {overflow} px wider than a 390 px screen.");
            var unnamed = await page.EvaluateAsync<JsonElement>(UnnamedControls);
            Assert.True(unnamed.GetArrayLength() == 0, $"#/{name} has controls without an accessible name: {unnamed}");
            var lowContrast = await page.EvaluateAsync<JsonElement>(LowContrastText);
            Assert.True(lowContrast.GetArrayLength() == 0, $"#/{name} has text below 4.5:1 contrast: {lowContrast}");
            output.WriteLine($"screenshot: {await browser.ScreenshotAsync($"phone-{name}")}");
        }

        // Keyboard only: Tab to the Matches link of the navigation, Enter, and focus lands on the new page.
        await page.GotoAsync("about:blank");
        await page.GotoAsync(new Uri(host.BaseAddress, "#/topics").AbsoluteUri);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Topics");
        string? focused = null;
        for (var i = 0; i < 10 && focused != "Matches"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        }
        Assert.Equal("Matches", focused);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Matches");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
