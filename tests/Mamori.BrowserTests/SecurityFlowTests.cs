using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Security;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class SecurityFlowTests
{
    [Fact]
    public async Task Security_AnswersAChecklistWithOneItemAtTwo_AddsTheRequiredPlan_ClosesAndPrints()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Security));

        await page.GetByRole(AriaRole.Link, new() { Name = "点検・訓練・端末" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "点検表のひな形" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "標準の分類と項目で作成する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#items tbody tr")).ToHaveCountAsync(ChecklistTemplate.DefaultItems.Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "点検・訓練・端末" }).First.ClickAsync();
        await page.GetByLabel("年度").SelectOptionAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "点検を始める" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("令和4年度 住基ネット調査表（団体全体）");

        // Every item 運用している except item 4 at 整備している; item 5 does not apply.
        var items = ChecklistTemplate.DefaultItems;
        for (var i = 0; i < items.Count; i++)
        {
            var value = items[i].Number switch { "4" => "2", "5" => "0", _ => "3" };
            await page.Locator($"#Answers_{i}__Value").SelectOptionAsync(value);
        }
        await page.Locator("#Answers_3__Evidence").FillAsync("入退室記録簿はあるが、月次の確認は行っていない");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#total-score")).ToHaveTextAsync("2.89");
        await Assertions.Expect(page.Locator("#blockers")).ToContainTextAsync("項目 4「サーバ室（CSルーム）の入退室を記録し");
        await Assertions.Expect(page.Locator("#blockers")).ToContainTextAsync("は「整備している」のため、改善計画（改善策・担当・期限）を入力してください");
        await Assertions.Expect(page.Locator("#item-4 .plan legend")).ToContainTextAsync("必須");
        await s.ScreenshotAsync("50-security-plan-required");

        // Closing before the plan is refused with the item named.
        await page.GetByRole(AriaRole.Button, new() { Name = "完了にする" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("項目 4");

        await page.Locator("#Answers_3__PlanMeasure").FillAsync("入退室記録を毎月末に情報政策課長が確認し、押印する");
        await page.Locator("#Answers_3__PlanOwner").FillAsync("情報政策課");
        await page.Locator("#Answers_3__PlanDueOn").FillAsync("令和5年3月31日");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#blockers")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "完了にする" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("点検を完了しました");
        await Assertions.Expect(page.Locator("#answer-table")).ToContainTextAsync("担当：情報政策課");

        await page.GetByRole(AriaRole.Link, new() { Name = "印刷用の表示" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.report")).ToContainTextAsync("入退室記録を毎月末に情報政策課長が確認し、押印する");
        await s.ScreenshotAsync("51-security-assessment-print");
        await s.PrintAsync("security-assessment", "情報政策課");

        // The yearly report shows the score; a room entry and a drill complete its three parts.
        await page.GotoAsync(s.BaseUrl + "/security/room/edit");
        await page.GetByLabel("入室日時").FillAsync("2022/06/14 10:05");
        await page.GetByLabel("ベンダー等").CheckAsync();
        await page.GetByLabel("所属・会社名").FillAsync("東都ネットワーク株式会社");
        await page.GetByLabel("入室理由").FillAsync("サーバー保守");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entries tbody tr")).ToHaveCountAsync(1);
        // A year of entries from the log the staff kept in Excel, saved as Shift_JIS CSV.
        var random = new Random(4);
        var csv = new System.Text.StringBuilder("入室日時,退室日時,区分,所属・会社名,氏名,入室理由\r\n");
        string[] reasons = ["サーバー保守", "ログチェック", "CSカレンダー確認", "消防点検"];
        for (var i = 0; i < 120; i++)
        {
            var at = new DateTime(2022, 4, 1, 9, 0, 0).AddDays(random.Next(0, 365)).AddMinutes(random.Next(0, 480));
            var staff = random.Next(3) == 0;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{at:yyyy/M/d H:mm},,{(staff ? "職員" : "ベンダー等")},{(staff ? "情報政策課" : "東都ネットワーク株式会社")},{(staff ? "佐藤 花子" : "")},{reasons[random.Next(reasons.Length)]}\r\n");
        }
        await page.GotoAsync(s.BaseUrl + "/security/room/import");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "入退室記録簿.csv",
            MimeType = "text/csv",
            Buffer = Mamori.Core.Csv.CsvEncodings.Cp932.GetBytes(csv.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("（120 件）");
        await Assertions.Expect(page.Locator("#months")).ToContainTextAsync("121");
        await s.ScreenshotAsync("53-security-room-report");

        await page.GotoAsync(s.BaseUrl + "/security/drills/edit");
        await page.GetByLabel("訓練名").FillAsync("住基ネット緊急時対応訓練");
        await page.GetByLabel("対象", new() { Exact = true }).FillAsync("戸籍住民課・情報政策課の職員");
        await page.GetByLabel("実施日").FillAsync("令和4年11月8日");
        await page.GetByLabel("内容").FillAsync("CS 端末からの情報漏えいを想定し、連絡・遮断・報告の手順を確認した");
        await page.GetByLabel("参加人数").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GotoAsync(s.BaseUrl + "/security/report?fy=2022");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("2.89");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("住基ネット緊急時対応訓練");
        await Assertions.Expect(page.Locator("article.document svg")).ToHaveCountAsync(1);
        await s.ScreenshotAsync("52-security-yearly-report");
        // Cover, 目次 and a sheet per section, each with the running header and its page number.
        await s.PrintAsync("security-report", 7, "住民基本台帳ネットワークシステムに係る", "目次", "2.89", "３訓練の実施状況");
    }
}
