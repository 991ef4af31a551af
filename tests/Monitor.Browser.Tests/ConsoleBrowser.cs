using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace NewsMonitor.Browser.Tests;

/// <summary>
/// The system Chromium, headless, on one page of the console; records every request the page makes so a test can
/// check that nothing is fetched from another host. Screenshots go to <see cref="ScreenshotFolder"/>.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        context.Request += (_, request) => Requests.Enqueue(request.Url);
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ConsoleBrowser> LaunchAsync(string executable, int width = 1200, int height = 900)
    {
        // Waits on the page poll their condition (no fixed sleeps); a loaded two-core machine needs more than 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new ConsoleBrowser(playwright, browser, context, page);
    }

    /// <summary>Saves a full-page screenshot as screenshots/NAME.png beside the test assembly; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
