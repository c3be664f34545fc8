using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task Setup_Login_EveryNavigationPage_AndSignOut()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        // First visit: the one-time setup page.
        await page.GotoAsync(s.BaseUrl + "/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("初期設定");
        await s.ScreenshotAsync("01-setup");

        // A mistake first: the form comes back with a Japanese message and keeps what was typed.
        await page.GetByLabel("団体コード").FillAsync("131040");
        await page.GetByLabel("団体名").FillAsync("新宿区");
        await page.GetByLabel("ユーザー名").FillAsync("kanri");
        await page.GetByLabel("表示名").FillAsync("区政情報課 管理者");
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("browser-test-password");
        await page.GetByLabel("パスワード（確認）").FillAsync("browser-test-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録して始める" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("131041 ではありませんか");
        await Assertions.Expect(page.GetByLabel("団体名")).ToHaveValueAsync("新宿区");
        await s.ScreenshotAsync("02-setup-error");

        await page.GetByLabel("団体コード").FillAsync("131041");
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("browser-test-password");
        await page.GetByLabel("パスワード（確認）").FillAsync("browser-test-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録して始める" }).ClickAsync();
        await Assertions.Expect(page.Locator("header .municipality")).ToHaveTextAsync("新宿区");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("新宿区を登録しました");

        // Sign out and back in through the login page.
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ログイン");
        await page.GetByLabel("ユーザー名").FillAsync("kanri");
        await page.GetByLabel("パスワード").FillAsync("wrong-password-here");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("ユーザー名またはパスワードが正しくありません");
        await page.GetByLabel("パスワード").FillAsync("browser-test-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ホーム");
        await s.ScreenshotAsync("03-home");

        // A department and a member of staff through the forms, with a 和暦 date.
        await page.GotoAsync(s.BaseUrl + "/organization/departments/edit");
        await page.GetByLabel("部署名").FillAsync("総務部");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GotoAsync(s.BaseUrl + "/organization/departments/edit");
        await page.GetByLabel("部署名").FillAsync("区政情報課");
        await page.GetByLabel("上位の部").SelectOptionAsync(new SelectOptionValue { Label = "総務部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("区政情報課");

        await page.GotoAsync(s.BaseUrl + "/organization/staff/edit");
        await page.GetByLabel("職員番号").FillAsync("100234");
        await page.GetByLabel("氏名", new() { Exact = true }).FillAsync("新宿 花子");
        await page.GetByLabel("部署").SelectOptionAsync(new SelectOptionValue { Label = "総務部 / 区政情報課" });
        await page.GetByLabel("着任日").FillAsync("令和６年４月１日");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新宿 花子");
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync("令和6年4月1日（2024年4月1日）");
        await s.ScreenshotAsync("04-staff-detail");

        // Every page in the navigation opens, with its heading and no error.
        var links = await page.Locator("nav.site-nav a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Contains("/organization/long-absence", links);
        Assert.Contains("/audit", links);
        foreach (var href in links)
        {
            var response = await page.GotoAsync(s.BaseUrl + href);
            Assert.True(response!.Ok, $"{href} → {response.Status}");
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"nav.site-nav a[href='{href}']")).ToHaveAttributeAsync("aria-current", "page");
            await s.ScreenshotAsync("05-nav" + Regex.Replace(href, "[^a-z]+", "-"));
        }

        // The audit trail shows what was just done, and prints on A4.
        await page.GotoAsync(s.BaseUrl + "/audit?entity=Staff");
        await Assertions.Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.data tbody")).ToContainTextAsync("区政情報課 管理者（kanri）");
        await s.PrintAsync("audit", "区政情報課 管理者（kanri）");

        // Sign out: the session is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ログアウトしました");
        await page.GotoAsync(s.BaseUrl + "/organization/staff");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }
}
