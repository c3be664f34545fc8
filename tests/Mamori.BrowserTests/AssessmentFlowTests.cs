using System.Globalization;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class AssessmentFlowTests
{
    private static readonly DateOnly Today = TestClock.DefaultToday;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Office_RegistersABusinessOf340000People_RunsTheFullEvaluation_AndSeesItOnTheDashboardAndPublicPage()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "特定個人情報保護評価" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "評価対象の事務を登録" }).ClickAsync();
        await page.GetByLabel("事務の名称").FillAsync("住民基本台帳に関する事務");
        await page.GetByLabel("所管課").SelectOptionAsync(tenant.OwnDepartmentId.ToString());
        await page.GetByLabel("対象人数").FillAsync("340,000");
        await page.GetByLabel("取扱者数（職員）").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#threshold")).ToHaveTextAsync("対象人数 34万人（30万人以上）のため全項目評価");
        await Assertions.Expect(page.Locator("#level")).ToContainTextAsync("基礎項目評価・全項目評価");
        await Assertions.Expect(page.Locator("#obligations")).ToContainTextAsync("期限超過");
        await s.ScreenshotAsync("40-assessment-business");

        await page.GetByLabel("公表の期限").FillAsync(Iso(Today.AddDays(150)));
        await page.GetByLabel("実施の理由").FillAsync("事務の開始");
        await page.GetByRole(AriaRole.Button, new() { Name = "評価を始める" }).ClickAsync();
        await Assertions.Expect(page.Locator("#steps tbody tr")).ToHaveCountAsync(6);

        async Task SaveStep(string step, params (string Label, string Value)[] fields)
        {
            var section = page.Locator($"#step-{step}");
            foreach (var (label, value) in fields)
            {
                await section.GetByLabel(label, new() { Exact = true }).FillAsync(value);
            }
            await section.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        }

        await SaveStep("draft", ("実施日", Iso(Today.AddDays(-60))));
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「評価書作成」を保存しました");
        await SaveStep("internalmeeting", ("会議の名称", "マイナンバー制度セキュリティ会議"), ("開催日", Iso(Today.AddDays(-50))));
        // A comment period of 20 days is refused with what to fix.
        await SaveStep("publiccomment", ("募集開始日", Iso(Today.AddDays(-45))), ("募集終了日", Iso(Today.AddDays(-26))));
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("意見募集の期間が20日間です。30日以上にしてください");
        await SaveStep("publiccomment", ("募集開始日", Iso(Today.AddDays(-45))), ("募集終了日", Iso(Today.AddDays(-16))), ("寄せられた意見の件数", "2"));
        await Assertions.Expect(page.Locator("#comment-summary")).ToContainTextAsync("（30日間）。寄せられた意見 2件。");

        // The third-party review: a consultation to the council, closed by its 答申.
        var councilId = await s.Factory.AsSystemAsync(async (_, db) =>
        {
            var council = new AdvisoryCouncil { MunicipalityId = tenant.MunicipalityId, Name = "情報公開・個人情報保護審議会" };
            db.Councils.Add(council);
            await db.SaveChangesAsync();
            return council.Id;
        });
        await page.ReloadAsync();
        await page.Locator("#step-thirdpartyreview").GetByRole(AriaRole.Button, new() { Name = "諮問を作成する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#consultation")).ToContainTextAsync("諮問第1号");
        await SaveStep("submission", ("提出日", Iso(Today.AddDays(-3))));
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("審議会の答申がまだありません");
        await using (var scope = s.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "事務局", tenant.MunicipalityId, null, false);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var item = await db.AgendaItems.SingleAsync(i => i.CouncilId == councilId);
            var toshin = await CouncilWorkflow.SaveToshinAsync(db, null, new ToshinInput(item.Id, null, Today.AddDays(-5), null, "おおむね問題ありません。"), default);
            Assert.True(toshin.Ok, toshin.Describe());
        }
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#consultation")).ToContainTextAsync("答申第1号");
        await SaveStep("submission", ("提出日", Iso(Today.AddDays(-3))));
        await SaveStep("publication", ("公表日", Iso(Today.AddDays(-1))), ("公表先のURL", "https://www.city.example.lg.jp/pia"));
        await Assertions.Expect(page.Locator("#assessment-status")).ToContainTextAsync("完了");

        await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "全項目評価書（住民基本台帳）.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n") });
        await page.Locator("#Sections").FillAsync("Ⅰ 基本情報\nⅡ 特定個人情報ファイルの概要\nⅢ リスク対策");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#document-list")).ToContainTextAsync("第1版");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "公開ページに掲載" }).ClickAsync();
        await Assertions.Expect(page.Locator("#document-list")).ToContainTextAsync("公表中");
        await s.ScreenshotAsync("41-assessment-steps");

        await page.GetByRole(AriaRole.Link, new() { Name = "特定個人情報保護評価" }).First.ClickAsync();
        var row = page.Locator("#dashboard tbody tr", new() { HasText = "住民基本台帳に関する事務" });
        await Assertions.Expect(row).ToContainTextAsync("全項目評価");
        await Assertions.Expect(row).ToContainTextAsync("新規（");
        await Assertions.Expect(row).ToContainTextAsync("定期的な見直し");
        await s.ScreenshotAsync("42-assessment-dashboard");

        await s.SignOutAsync();
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/assessments");
        await Assertions.Expect(page.Locator("#public-assessments")).ToContainTextAsync("住民基本台帳に関する事務");
        await Assertions.Expect(page.Locator("#public-assessments")).ToContainTextAsync("全項目評価書（住民基本台帳）.pdf");
        await s.ScreenshotAsync("43-assessment-public");
    }
}
