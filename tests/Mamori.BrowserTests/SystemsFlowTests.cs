using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Systems;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mamori.BrowserTests;

public sealed class SystemsFlowTests
{
    [Fact]
    public async Task SystemAdministrator_ImportsTheAccountList_ClosesTwoListingsWithEvidence_AndPrintsTheTable()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        await SystemTests.SeedStaffAsync(s.Factory, tenant);
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));

        await page.GetByRole(AriaRole.Link, new() { Name = "情報システム台帳" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "システムを登録する" }).ClickAsync();
        await page.GetByLabel("システム名").FillAsync("障害者福祉総合システム");
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区民部 / 戸籍住民課" });
        await page.GetByLabel("ガバメントクラウド").CheckAsync();
        await page.GetByLabel("特定個人情報（マイナンバーを含む個人情報）を保有する").CheckAsync();
        await page.GetByLabel("保守・運用事業者").FillAsync("株式会社テスト情報");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("情報システム「障害者福祉総合システム」を保存しました。");

        var csv = Path.Combine(BrowserSession.ArtifactsDirectory, "accounts-sjis.csv");
        await File.WriteAllBytesAsync(csv, SystemTests.AccountCsv());
        await page.GetByLabel("アカウント一覧のファイル").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("アカウント 7 件を取り込みました（職員と照合 5 件、照合できない 2 件、停止済み 1 件）");
        await Expect(page.Locator("#listing-table tbody tr")).ToHaveCountAsync(4);
        await s.AccessibleAsync("情報システム");
        await s.ScreenshotAsync("systems-detail");

        var evidence = Path.Combine(BrowserSession.ArtifactsDirectory, "停止画面.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4 停止した画面の写し"u8.ToArray());
        async Task CloseAsync(string login, string action, string note)
        {
            var row = page.Locator("#listing-table tbody tr", new() { HasText = login });
            await row.GetByText("対応を記録する").ClickAsync();
            await row.GetByLabel(action, new() { Exact = true }).CheckAsync();
            await row.GetByLabel("対応の内容（継続のときは理由）").FillAsync(note);
            await row.GetByLabel("証跡（停止・削除のときは必須。画面の写し、作業記録など）").SetInputFilesAsync(evidence);
            await row.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync($"「{login}」を「{action}」として記録しました。");
        }
        await CloseAsync("tanaka", "停止", "退職に伴いアカウントを停止");
        await CloseAsync("hoshu01", "継続", "保守事業者の作業用。作業時のみ有効化する運用で継続");
        await Expect(page.Locator("#listing-table")).ToContainTextAsync("停止画面.pdf");

        await page.GetByRole(AriaRole.Link, new() { Name = "このシステムの点検状況を印刷する" }).ClickAsync();
        await Expect(page.Locator("article.document")).ToContainTextAsync("情報システムのアカウント点検の状況");
        await s.PrintAsync("アカウント点検の状況", "障害者福祉総合システム", "退職に伴いアカウントを停止", "保守事業者の作業用", "365日間の休職・休業中",
            "不明なアカウント", "停止画面.pdf");
        await s.ScreenshotAsync("systems-status");
    }

    [Fact]
    public async Task Office_RecordsAContractWithAReconsignment_ChecksItWithEvidence_AndApprovesIt()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "委託契約・再委託" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "委託契約を登録する" }).ClickAsync();
        await page.GetByLabel("契約件名").FillAsync("住民税当初課税データ入力業務委託");
        await page.GetByLabel("委託先", new() { Exact = true }).FillAsync("株式会社テスト情報");
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区民部 / 戸籍住民課" });
        await page.GetByLabel("契約期間（開始）").FillAsync("令和8年4月1日");
        await page.GetByLabel("契約期間（終了）").FillAsync("令和9年3月31日");
        await page.GetByLabel("データ入力").CheckAsync();
        await page.GetByLabel("委託先の施設").CheckAsync();
        foreach (var clause in new[] { "秘密保持", "目的外利用及び第三者提供の禁止", "複写・複製の禁止", "再委託の制限（事前承認）", "事故発生時の報告", "返還・廃棄" })
        {
            await page.GetByLabel(clause, new() { Exact = true }).CheckAsync();
        }
        await page.GetByLabel("委託先の取扱責任者").FillAsync("業務部長 山田一郎");
        await page.GetByLabel("取扱者（1行に1人）").FillAsync("佐藤花子\n鈴木次郎");
        await page.GetByLabel("認証 1").FillAsync("プライバシーマーク");
        await page.GetByLabel("有効期限 1").FillAsync("令和9年9月30日");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("委託契約「住民税当初課税データ入力業務委託」を保存しました。");
        await Expect(page.Locator("#problems")).ToContainTextAsync("特記事項の不足：安全管理措置");

        await page.GetByRole(AriaRole.Link, new() { Name = "再委託の承認申請を登録する" }).ClickAsync();
        await page.GetByLabel("再委託先", new() { Exact = true }).FillAsync("株式会社入力センター");
        await page.GetByLabel("再委託する業務").FillAsync("申告書のデータ入力（繁忙期の一部）");
        await page.GetByLabel("再委託先の責任体制（確認した内容）").FillAsync("入力センター長を責任者とし、事故時は委託先を経由して即日報告する体制");
        await page.GetByLabel("再委託先の安全管理措置の具体的取組（確認した内容）").FillAsync("入退室の記録、私物の持込み禁止、入力端末の USB 無効化を実地で確認");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("再委託「株式会社入力センター」を保存しました。");

        // Approval waits for the evidence of both checks.
        await page.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Expect(page.Locator("#errors")).ToContainTextAsync("責任体制の証跡");
        var evidence = Path.Combine(BrowserSession.ArtifactsDirectory, "体制図.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4 体制図"u8.ToArray());
        await page.GetByLabel("責任体制（体制図など）").CheckAsync();
        await page.GetByLabel("証跡のファイル").SetInputFilesAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "証跡を登録する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("責任体制の証跡「体制図.pdf」を登録しました。");
        var measures = Path.Combine(BrowserSession.ArtifactsDirectory, "安全管理措置の点検結果.pdf");
        await File.WriteAllBytesAsync(measures, "%PDF-1.4 点検結果"u8.ToArray());
        await page.GetByLabel("安全管理措置（規程・点検結果など）").CheckAsync();
        await page.GetByLabel("証跡のファイル").SetInputFilesAsync(measures);
        await page.GetByRole(AriaRole.Button, new() { Name = "証跡を登録する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("安全管理措置の証跡「安全管理措置の点検結果.pdf」を登録しました。");
        await s.AccessibleAsync("再委託");
        await page.GetByLabel("承認の内容（不承認のときは理由）").FillAsync("責任体制と安全管理措置を確認したため承認する");
        await page.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("再委託を承認しました。");

        await page.GetByRole(AriaRole.Link, new() { Name = "住民税当初課税データ入力業務委託" }).First.ClickAsync();
        await s.AccessibleAsync("委託契約");
        await page.GetByRole(AriaRole.Link, new() { Name = "確認票を印刷する" }).ClickAsync();
        await s.PrintAsync("委託契約の確認票", "委託契約の確認票", "株式会社入力センター", "体制図.pdf", "安全管理措置の点検結果.pdf", "承認",
            "安全管理措置", "なし（不足）", "プライバシーマーク");
        await s.ScreenshotAsync("contract-sheet");
    }
}
