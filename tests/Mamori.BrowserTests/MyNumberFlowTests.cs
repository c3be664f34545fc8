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
        await RecordStepsAsync(page, consult: false);
        await Expect(page.Locator("#steps")).ToContainTextAsync("審議会の案件");
        await Expect(page.Locator("#changes")).ToContainTextAsync("施行中");
        await s.AccessibleAsync("条例改正");
        await s.ScreenshotAsync("mynumber-amendment");

        await s.SignOutAsync();
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/mynumber");
        await Expect(page.Locator("#procedures")).ToContainTextAsync("高齢者紙おむつ支給");
        await Expect(page.Locator("#procedures")).ToContainTextAsync("令和8年10月1日");
        await s.AccessibleAsync("独自利用事務の公表ページ");

        // A later amendment widens the procedure: its new wording is put to the council as a 諮問 and replaces the old on 施行.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync($"{s.BaseUrl}/mynumber/amendments/edit");
        await page.GetByLabel("件名").FillAsync("番号利用条例の一部改正（対象の拡大）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GetByLabel("この改正で内容を変える・廃止する施行中の事務").SelectOptionAsync(new SelectOptionValue { Label = "別表第一 2の項　高齢者紙おむつ支給" });
        await page.GetByRole(AriaRole.Button, new() { Name = "内容を変える事務に加える" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("改正後の内容を作りました");
        await Expect(page.Locator("p.hint").First).ToContainTextAsync("改正が施行された日に、今の内容と置き換わります");
        await page.GetByLabel("個人番号を利用する事務の内容").FillAsync("在宅の高齢者及び障害者への紙おむつ支給の申請の審査");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("改正後の内容を保存しました。");
        await Expect(page.Locator("#changes")).ToContainTextAsync("改正前：別表第一 2の項　高齢者紙おむつ支給");
        await RecordStepsAsync(page, consult: true);
        await s.AccessibleAsync("条例改正（内容の変更）");
        await s.ScreenshotAsync("mynumber-revision");
        await s.SignOutAsync();
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/mynumber");
        await Expect(page.Locator("#procedures")).ToContainTextAsync("在宅の高齢者及び障害者への紙おむつ支給");
        await Expect(page.Locator("#procedures tbody tr")).ToHaveCountAsync(1);
    }

    /// <summary>Records every step from 起案 to 施行 in 令和8年, the council step as a 報告 or a 諮問.</summary>
    private static async Task RecordStepsAsync(IPage page, bool consult)
    {
        foreach (var (step, on) in new[] { ("起案", "4月1日"), ("パブリックコメント", "4月20日"), ("審議会への報告・諮問", "5月20日"), ("議会提出", "6月1日"), ("議決", "6月20日"),
            ("公布", "6月25日"), ("施行", "10月1日") })
        {
            await page.GetByLabel($"{step}の日").FillAsync($"令和8年{on}");
            var council = step == "審議会への報告・諮問";
            if (council)
            {
                await page.GetByLabel(consult ? "諮問（次の諮問番号を付け、答申を待つ）" : "報告（番号を付けない報告案件）").CheckAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = $"{step}を記録する" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync(step switch
            {
                "施行" => "施行を記録しました。",
                _ when council => consult ? "審議会への諮問を記録し、諮問の案件を作りました。" : "審議会への報告を記録し、報告の案件を作りました。",
                _ => $"{step}を記録しました。",
            });
        }
    }
}
