using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mamori.BrowserTests;

public sealed class MyNumberFlowTests
{
    [Fact]
    public async Task Office_AmendsTheOrdinanceToAddAProcedure_ReportsItToTheCouncil_AndThePublicPageListsItFromItsDayOfEffect()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await s.Factory.AsSystemAsync(async (_, db) =>
        {
            db.Councils.Add(new Core.Features.Council.AdvisoryCouncil { MunicipalityId = tenant.MunicipalityId, Name = "守り区個人情報保護審議会" });
            return await db.SaveChangesAsync();
        });

        await page.GetByRole(AriaRole.Link, new() { Name = "独自利用事務" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "条例改正を始める" }).ClickAsync();
        await page.GetByLabel("件名").FillAsync("番号利用条例の一部改正（令和8年）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("条例改正を登録しました。");
        var amendment = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "独自利用事務", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "独自利用事務を登録する" }).ClickAsync();
        await page.GetByLabel("事務の名称").FillAsync("高齢者紙おむつ支給");
        await page.GetByLabel("条例の項").FillAsync("別表第一 2の項");
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区民部 / 戸籍住民課" });
        await page.GetByLabel("個人番号を利用する事務の内容").FillAsync("在宅の高齢者への紙おむつ支給の申請の審査");
        await page.GetByLabel("利用する特定個人情報（1行に1つ、「地方税関係情報（区長）」のように提供元とともに）").FillAsync("地方税関係情報（区長）\n介護保険給付関係情報（区長）");
        await page.GetByLabel("加える条例改正（これから加える事務）").SelectOptionAsync(new SelectOptionValue { Label = "番号利用条例の一部改正（令和8年）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("条例改正で加える事務として登録しました。");
        await s.AccessibleAsync("独自利用事務");

        await page.GotoAsync(amendment);
        foreach (var (step, on) in new[] { ("起案", "令和8年4月10日"), ("パブリックコメント", "令和8年4月20日"), ("審議会への報告・諮問", "令和8年5月20日"), ("議会提出", "令和8年6月1日"),
            ("議決", "令和8年6月20日"), ("公布", "令和8年6月25日"), ("施行", "令和8年10月1日") })
        {
            await page.GetByLabel($"{step}の日").FillAsync(on);
            await page.GetByRole(AriaRole.Button, new() { Name = $"{step}を記録する" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync(step == "施行" ? "施行を記録しました。" : $"{step}を記録しました。");
        }
        await Expect(page.Locator("#steps")).ToContainTextAsync("審議会の案件");
        await Expect(page.Locator("#changes")).ToContainTextAsync("施行中");
        await s.AccessibleAsync("条例改正");
        await s.ScreenshotAsync("mynumber-amendment");

        await s.SignOutAsync();
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/mynumber");
        await Expect(page.Locator("#procedures")).ToContainTextAsync("高齢者紙おむつ支給");
        await Expect(page.Locator("#procedures")).ToContainTextAsync("令和8年10月1日");
        await s.AccessibleAsync("独自利用事務の公表ページ");
    }
}
