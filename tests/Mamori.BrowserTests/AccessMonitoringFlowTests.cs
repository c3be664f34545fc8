using Mamori.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Japanese;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class AccessMonitoringFlowTests
{
    [Fact]
    public async Task SecurityOfficer_UploadsAMonth_WorksAnAlertToClosed_AndPrintsTheMonthlyReport()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var dir = Directory.CreateTempSubdirectory("mamori-access-ui-").FullName;
        try
        {
            var log = LogGenerator.Generate(20_000, 21, dir, JapaneseCalendar.IsClosed, plant: true, start: new DateOnly(2024, 4, 1));
            var page = s.Page;
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await s.SignInAsync(tenant, tenant.UserName(UserRole.Security));

            await page.GetByRole(AriaRole.Link, new() { Name = "ログとマスタ・分析" }).ClickAsync();
            await page.Locator("#Staff").SetInputFilesAsync(log.Inputs.Staff);
            await page.Locator("#Residents").SetInputFilesAsync(log.Inputs.Residents);
            await page.Locator("#Cases").SetInputFilesAsync(log.Inputs.Cases);
            await page.Locator("#Roles").SetInputFilesAsync(log.Inputs.Roles);
            await page.GetByRole(AriaRole.Button, new() { Name = "マスタを登録する" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("職員マスタ、住民マスタ、案件（事務の記録）、役割と業務を登録しました");

            await page.Locator("#Logs").SetInputFilesAsync(log.Inputs.Logs[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
            // The jobs page refreshes itself until the job is done.
            await Assertions.Expect(page.Locator("#jobs tbody tr").First).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = BrowserSession.JobTimeout });
            await Assertions.Expect(page.Locator("#jobs tbody tr").First).ToContainTextAsync($"{log.Rows:N0} 行を取り込みました");

            await page.GetByRole(AriaRole.Link, new() { Name = "ログとマスタ・分析へ" }).ClickAsync();
            await Assertions.Expect(page.Locator("#months")).ToHaveTextAsync("令和6年4月");
            await page.Locator("#From").FillAsync("令和6年4月1日");
            await page.Locator("#To").FillAsync("令和6年4月30日");
            await page.GetByRole(AriaRole.Button, new() { Name = "分析する" }).ClickAsync();
            await Assertions.Expect(page.Locator("#jobs tbody tr").First).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = BrowserSession.JobTimeout });
            await Assertions.Expect(page.Locator("#jobs tbody tr").First).ToContainTextAsync("新規");
            await s.ScreenshotAsync("80-access-jobs");
            await page.GetByRole(AriaRole.Link, new() { Name = "アラートを見る" }).ClickAsync();
            await Assertions.Expect(page.Locator("#alerts tbody tr")).ToHaveCountAsync(log.Planted.Count);
            await Assertions.Expect(page.Locator("#by-rule tbody tr")).ToHaveCountAsync(15);
            await s.ScreenshotAsync("81-access-alerts");

            // The self-lookup: the accesses behind it, then the triage to 完了 (違反) and the finding.
            await page.Locator("#by-rule").GetByRole(AriaRole.Link, new() { Name = "R01 本人の記録の参照" }).ClickAsync();
            await page.Locator("#alerts tbody tr a").First.ClickAsync();
            await Assertions.Expect(page.Locator("#accesses tr.hit")).Not.ToHaveCountAsync(0);
            await s.ScreenshotAsync("82-access-alert");
            await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「確認中」にしました");
            await page.Locator("#Input_Comment").FillAsync("本人に聞き取り。自分の住民票の確認で、業務上の理由はない。");
            await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「所属長確認」にしました");
            await page.GetByLabel("違反").CheckAsync();
            await page.Locator("#Input_Supervisor").FillAsync("戸籍住民課長 山田一郎");
            await page.Locator("#Input_Comment").FillAsync("所属長が本人に注意し、再発防止の研修を受講させる。");
            await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「完了（違反）」にしました");
            await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(3);
            await page.Locator("#Finding_DepartmentId").SelectOptionAsync(tenant.OwnDepartmentId.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "指摘事項に登録する" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("住民記録の不適正な参照（R01 本人の記録の参照）");

            // Two more worked together from the list: ticked, moved to 確認中 in one step, each with the comment in its history.
            await page.GotoAsync(s.BaseUrl + "/access");
            await page.Locator("#alerts tbody tr input[type=checkbox]").Nth(0).CheckAsync();
            await page.Locator("#alerts tbody tr input[type=checkbox]").Nth(1).CheckAsync();
            await page.GetByLabel("進め先").SelectOptionAsync(new SelectOptionValue { Label = "確認中" });
            await page.GetByLabel("コメント（所属長確認・完了・差戻しでは必須）").FillAsync("同じ日の操作をまとめて確認する。");
            await page.GetByRole(AriaRole.Button, new() { Name = "選んだアラートを進める" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("2件のアラートを「確認中」にしました。");
            await Assertions.Expect(page.Locator("#alerts tbody tr").Filter(new() { HasText = "確認中" })).ToHaveCountAsync(2);
            await s.AccessibleAsync("アラートの一覧（まとめて進める）");
            await s.ScreenshotAsync("84-access-bulk");

            // The monthly report, printed.
            await page.GotoAsync(s.BaseUrl + "/access/report?Month=2024-04");
            await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync($"{log.Planted.Count}件（完了 1件、未完了 {log.Planted.Count - 1}件）");
            await s.ScreenshotAsync("83-access-report");
            var pages = await s.PrintAsync("access-monthly-report", "アクセスログ監視月次報告（令和6年4月）");
            var first = pages[0];
            Assert.Contains("守り区", first);
            Assert.Contains("R01本人の記録の参照1011", first);
            var all = string.Concat(pages);
            Assert.Contains("3違反と判定したアラート", all);
            Assert.Contains("4過去12か月のアラート", all);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
