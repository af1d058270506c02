using ArxivDigest.Render.Tests.Support;
using ArxivDigest.TestSupport;
using Microsoft.Playwright;

namespace ArxivDigest.Render.Tests.Html;

/// <summary>
/// The day page and the archive in a real browser: Debian's Chromium, headless, driven by
/// Playwright, opened from the files Render wrote, with no network. Screenshots are kept under
/// TestResults/screenshots for a person to look at.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(Fixtures.RepositoryRoot, "TestResults", "screenshots");
    private RenderApp app = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run does this)");
        app = new RenderApp();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    [Theory]
    [InlineData(1280, "wide")]
    [InlineData(390, "phone")]
    public async Task The_day_page_shows_every_paper_with_links_bars_and_no_console_errors(int width, string name)
    {
        await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-10"));
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        await page.GotoAsync(new Uri(app.Output("html", "2025-06-10.html")).AbsoluteUri, new PageGotoOptions { Timeout = 30_000 });

        Assert.Empty(problems);
        Assert.Equal(46, await page.Locator("article.paper").CountAsync());
        Assert.Equal(46, await page.Locator("ol.toc li").CountAsync());
        Assert.Equal(46, await page.Locator("article.paper a.pdf").CountAsync());
        Assert.Equal(2, await page.Locator("article.paper .badge").CountAsync());
        Assert.Equal(88, await page.Locator("article.paper [role=meter]").CountAsync());
        Assert.Equal("https://arxiv.org/abs/2506.06489", await page.Locator("#paper-3 h2 a").GetAttributeAsync("href"));
        Assert.Contains("Álvaro Arroyo", await page.Locator("article.paper", new() { HasText = "Return of ChebNet" }).Locator(".authors").InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"the page scrolls sideways at {width} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"digest-2025-06-10-{name}.png") });
        await page.Locator("#paper-3").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, $"digest-2025-06-10-paper-{name}.png") });
    }

    [Fact]
    public async Task The_archive_index_links_to_the_day()
    {
        await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-05"));
        await app.Client.RenderDigestAsync(ReferenceDigest.Request("2025-06-10"));
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Output("html", "index.html")).AbsoluteUri);
        await page.Locator("a[href='2025-06-10.html']").ClickAsync();

        Assert.EndsWith("2025-06-10.html", page.Url);
        Assert.Contains("2025-06-10", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(new Uri(app.Output("html", "index.html")).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "archive-index.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await app.DisposeAsync();
    }
}
