using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mamori.BrowserTests;

public sealed class StandardizationFlowTests
{
    [Fact]
    public async Task Office_StartsFromTheTwentyBusinesses_RecordsAMove_AndPrintsTheDashboard()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "標準準拠システムへの移行" }).ClickAsync();
        await page.GetByLabel("最初に割り当てる所管課（あとで業務ごとに直せます）").SelectOptionAsync(new SelectOptionValue { Label = "総務部 / 情報管理課" });
        await page.GetByRole(AriaRole.Button, new() { Name = "20業務を加える" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("標準化の業務 20 件を加えました。");

        await page.GetByRole(AriaRole.Link, new() { Name = "住民基本台帳", Exact = true }).ClickAsync();
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区民部 / 戸籍住民課" });
        await page.GetByLabel("現行システム").FillAsync("住民情報システム");
        await page.GetByLabel("標準準拠システム", new() { Exact = true }).FillAsync("標準準拠 住民記録システム");
        await page.GetByLabel("共同利用方式").CheckAsync();
        await page.GetByLabel("クラウド", new() { Exact = true }).FillAsync("ガバメントクラウド（AWS）");
        await page.GetByLabel("ISMAP に登録されたクラウドサービス").CheckAsync();
        await page.GetByLabel("移行予定日").FillAsync("令和9年1月4日");
        await page.GetByLabel("段階").SelectOptionAsync(new SelectOptionValue { Label = "構築・データ移行" });
        await page.GetByLabel("移行で特定個人情報の取扱いが変わる（保管場所・委託先・取扱者など）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("特定個人情報の取扱いが変わるため、重要な変更として記録してください。");
        await Expect(page.Locator("#pia")).ToBeVisibleAsync();
        await s.AccessibleAsync("標準化の業務");

        await page.GetByRole(AriaRole.Link, new() { Name = "標準準拠システムへの移行" }).First.ClickAsync();
        await Expect(page.Locator("#targets")).ToContainTextAsync("重要な変更の記録が必要");
        await s.AccessibleAsync("標準準拠システムへの移行");
        await s.ScreenshotAsync("standardization");
        await s.PrintAsync("標準準拠システムへの移行", "標準準拠システムへの移行", "住民基本台帳", "住民情報システム", "共同利用方式", "令和9年1月4日", "構築・データ移行",
            "重要な変更の記録が必要", "未着手：19件");
    }
}
