using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

/// <summary>
/// The app on a real Kestrel port with an empty database, and the system Chromium driven by
/// Playwright. Screenshots and PDFs go to TestResults/browser so that a person can look at them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    internal static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private BrowserSession(MamoriFactory factory, IPlaywright playwright, IBrowser browser, IPage page, string baseUrl)
    {
        Factory = factory;
        Playwright = playwright;
        Browser = browser;
        Page = page;
        BaseUrl = baseUrl;
    }

    public MamoriFactory Factory { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public IPage Page { get; }
    public string BaseUrl { get; }

    /// <summary>The application's today.</summary>
    public DateOnly Today => Factory.Today;

    /// <summary>How long a background job may take in a browser test before the test gives up (a busy machine is slow).</summary>
    public const float JobTimeout = 600_000;

    /// <summary>
    /// How long an expectation waits for the page (Playwright's default is 5 s). Only a page that never shows what is
    /// expected waits this long; a machine several times slower than usual does not fail the test.
    /// </summary>
    private const float ExpectTimeout = 60_000;

    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    /// <summary>Starts the app living on <paramref name="today"/> (JST; <see cref="TestClock.DefaultToday"/> when not given) and Chromium.</summary>
    public static async Task<BrowserSession> StartAsync(DateOnly? today = null)
    {
        var chromiumMissing = !File.Exists(ChromiumPath);
        if (chromiumMissing && Environment.GetEnvironmentVariable("MAMORI_REQUIRE_BROWSER") == "1")
        {
            throw new InvalidOperationException($"{ChromiumPath} がありません。scripts/test.sh が chromium をインストールします。");
        }
        Assert.SkipWhen(chromiumMissing, $"{ChromiumPath} がないため、ブラウザーテストは実行しません（scripts/test.sh では必ず実行されます）。");

        var factory = new MamoriFactory(DatabaseProvider.Sqlite, new TestClock(today ?? TestClock.DefaultToday));
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        context.SetDefaultTimeout(2 * ExpectTimeout);
        context.SetDefaultNavigationTimeout(2 * ExpectTimeout);
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(ArtifactsDirectory);
        return new BrowserSession(factory, playwright, browser, page, address.TrimEnd('/'));
    }

    /// <summary>Signs in through the login page (with the 団体コード, which the page asks when the deployment serves several) and waits for the home page.</summary>
    public async Task SignInAsync(Mamori.Tests.Infrastructure.TestTenant tenant, string userName)
    {
        await Page.GotoAsync(BaseUrl + "/account/login");
        await LogInHereAsync(tenant, userName);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("ホーム");
    }

    /// <summary>Fills in the login page the browser is on (reached by a link that needed a sign-in) and submits it.</summary>
    public async Task LogInHereAsync(Mamori.Tests.Infrastructure.TestTenant tenant, string userName)
    {
        var code = Page.GetByLabel("団体コード");
        if (await code.CountAsync() > 0)
        {
            await code.FillAsync(tenant.Code);
        }
        await Page.GetByLabel("ユーザー名").FillAsync(userName);
        await Page.GetByLabel("パスワード").FillAsync(Mamori.Tests.Infrastructure.TestTenant.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("ログイン");
    }

    /// <summary>
    /// Prints the page on A4 as a person would (print media) to TestResults/browser/<paramref name="name"/>.pdf, checks that
    /// the printed text holds every phrase, and returns the pages' text without layout spaces.
    /// </summary>
    /// <summary>
    /// Prints the page to an A4 PDF as a person would (print media) and reads it back: the phrases are on it; no page
    /// chrome is (the save/notice banner, buttons, navigation); every sheet has the running header (the date it was
    /// printed) and its page number 「n / N」; at least <paramref name="minPages"/> sheets. Page 1 is kept as a PNG beside
    /// the screenshots.
    /// </summary>
    public Task<IReadOnlyList<string>> PrintAsync(string name, params string[] phrases) => PrintAsync(name, 1, phrases);

    public async Task<IReadOnlyList<string>> PrintAsync(string name, int minPages, params string[] phrases)
    {
        var path = Path.Combine(ArtifactsDirectory, name + ".pdf");
        // What the screen shows around the document and must not reach paper.
        var chrome = new List<string>();
        foreach (var selector in new[] { ".flash", ".actions button", ".actions a", ".breadcrumbs" })
        {
            chrome.AddRange((await Page.Locator(selector).AllTextContentsAsync()).Select(t => t.Trim()).Where(t => t.Length >= 4));
        }
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Page.PdfAsync(new PagePdfOptions { Format = "A4", Path = path });
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var pages = (await PdfText.PagesAsync(path)).Select(PdfText.Compact).ToList();
        var text = string.Concat(pages);
        foreach (var phrase in phrases)
        {
            Assert.True(text.Contains(PdfText.Compact(phrase), StringComparison.Ordinal), $"{name}.pdf に「{phrase}」が印刷されていません。");
        }
        foreach (var shown in chrome.Where(c => !phrases.Any(p => PdfText.Compact(p).Contains(PdfText.Compact(c), StringComparison.Ordinal))))
        {
            Assert.False(text.Contains(PdfText.Compact(shown), StringComparison.Ordinal), $"{name}.pdf に画面の「{shown}」が印刷されています。");
        }
        Assert.True(pages.Count >= minPages, $"{name}.pdf は {pages.Count} ページです（{minPages} ページ以上のはず）。");
        var printed = PdfText.Compact(WarekiDate.Format(Today) + "印刷");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(pages[i].Contains(printed, StringComparison.Ordinal), $"{name}.pdf の {i + 1} ページ目に見出し（{printed}）がありません。");
            Assert.True(pages[i].Contains($"{i + 1}/{pages.Count}", StringComparison.Ordinal), $"{name}.pdf の {i + 1} ページ目にページ番号「{i + 1} / {pages.Count}」がありません。");
        }
        await PdfText.FirstPagePngAsync(path, Path.Combine(ArtifactsDirectory, name + "-page1"));
        return pages;
    }

    /// <summary>Runs axe-core (WCAG 2 A and AA rules) on the page as it is and fails with every violation it finds.</summary>
    public async Task AccessibleAsync(string name)
    {
        var results = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(Page, new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var found = results.Violations.Select(v => $"{v.Id}（{v.Impact}）{v.Help}: {string.Join(" / ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(found.Count == 0, $"{name} のアクセシビリティ違反:\n{string.Join("\n", found)}");
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        // The server's errors beside the screenshots: the error page alone does not say what failed.
        if (Factory.ServerErrors.Errors.Count > 0)
        {
            var name = $"server-errors-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}.log";
            await File.WriteAllLinesAsync(Path.Combine(ArtifactsDirectory, name), Factory.ServerErrors.Errors);
            await Console.Error.WriteLineAsync($"サーバーのエラーログ: {Path.Combine(ArtifactsDirectory, name)}\n{string.Join("\n", Factory.ServerErrors.Errors)}");
        }
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
