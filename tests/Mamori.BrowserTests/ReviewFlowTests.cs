using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class ReviewFlowTests
{
    [Fact]
    public async Task DepartmentSubmitsReconsignment_OfficeAsks_DepartmentAnswers_OfficeDecides_MatrixShowsTheMark()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // 事務局 opens a round.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(s.BaseUrl + "/reviews/rounds/edit");
        await page.GetByLabel("回の名称").FillAsync("令和8年度第1回");
        await page.GetByLabel("案件募集通知の発出日").FillAsync("令和8年9月7日");
        await page.GetByLabel("案件提出締切").FillAsync("令和８年９月２５日");
        await page.GetByLabel("事前協議1回目").FillAsync("2026-10-06");
        await page.GetByLabel("部会開催日").FillAsync("R8.11.9");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("令和8年度第1回");
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("令和8年9月25日（金）");
        await s.SignOutAsync();

        // 所管課 registers its business and starts a self-inspection of its new outsourcing.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));
        await page.GotoAsync(s.BaseUrl + "/reviews/businesses/edit");
        await page.GetByLabel("事務の名称").FillAsync("住民票の写し等交付事務");
        await page.Locator("#type-Holding").CheckAsync();
        await page.Locator("#type-Outsourcing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("住民票の写し等交付事務");

        await page.GotoAsync(s.BaseUrl + "/reviews/cases/new");
        await page.GetByLabel("事務", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "住民票の写し等交付事務（保有・外部委託）" });
        await page.Locator("#type-Outsourcing").CheckAsync();
        await page.GetByLabel("自己点検の概要").FillAsync("窓口業務の一部を新たに外部委託するに当たり、外部委託について自己点検を行った。");
        await page.GetByRole(AriaRole.Button, new() { Name = "案件を作成する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.error")).ToContainTextAsync("自己点検表②（外部委託） 委託先");

        // Submitting with the re-consignment checks left open is refused with the list of what is missing.
        await page.GetByRole(AriaRole.Link, new() { Name = "自己点検表②（外部委託）", Exact = true }).ClickAsync();
        await page.GetByLabel("問1 委託等をする業務の内容と、委託先が取り扱う個人情報の項目").FillAsync("住民票の写し等の交付申請の受付。氏名、住所、生年月日。");
        await page.Locator("#q-O2-yes").CheckAsync();
        await page.Locator("#q-O3-yes").CheckAsync();
        await page.Locator("#q-O4-yes").CheckAsync();
        await page.GetByLabel("問5 業務終了時の個人情報の返還・廃棄の方法").FillAsync("契約終了時に返還させ、廃棄証明書を提出させる。");
        await page.GetByLabel("委託先", new() { Exact = true }).FillAsync("株式会社まもり窓口サービス");
        await page.GetByLabel("契約期間（開始日）").FillAsync("令和9年4月1日");
        await page.GetByLabel("秘密保持").CheckAsync();
        await page.GetByLabel("再委託の制限（事前承認）").CheckAsync();
        await page.GetByLabel("再委託を認める", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("再委託先", new() { Exact = true }).FillAsync("まもりスタッフ株式会社");
        await s.ScreenshotAsync("19-review-inspection");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        var errors = page.Locator(".validation-summary");
        await Assertions.Expect(errors).ToContainTextAsync("回答されていない項目があるため提出できません");
        await Assertions.Expect(errors).ToContainTextAsync("再委託先の責任体制（人員体制）の確認");
        await Assertions.Expect(errors).ToContainTextAsync("再委託先の安全管理措置の具体的な取組（研修等）の確認");
        await s.ScreenshotAsync("20-review-missing");

        await page.GetByRole(AriaRole.Link, new() { Name = "自己点検表②（外部委託）", Exact = true }).ClickAsync();
        await page.GetByLabel("再委託先の責任体制（人員体制）を確認した").CheckAsync();
        await page.GetByLabel("再委託先の安全管理措置の具体的な取組（研修等）を確認した").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("案件番号は（1）です");
        var caseUrl = page.Url;
        await s.SignOutAsync();

        // 事務局 asks a question classified as 委託業務で取り扱う妥当性, and closes the round.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(caseUrl);
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("契約書の特記事項に不足");
        await page.GetByLabel("内容", new() { Exact = true }).FillAsync("再委託先の従事者への研修はどのように確認するのか。");
        await page.Locator("#new-cat-OutsourcingAppropriateness").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("質問を記録しました");
        await page.GetByRole(AriaRole.Link, new() { Name = "令和8年度第1回" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "締め切る" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("締め切りました");
        await s.SignOutAsync();

        // 所管課 sees the open question on its page and answers it.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));
        await page.GotoAsync(s.BaseUrl + "/reviews");
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("再委託先の従事者への研修はどのように確認するのか。");
        await page.GetByRole(AriaRole.Link, new() { Name = "（1） 住民票の写し等交付事務" }).ClickAsync();
        await page.GetByLabel("この質問への回答").FillAsync("再委託先から研修計画と受講記録を提出させ、確認する。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".answer")).ToContainTextAsync("研修計画と受講記録");
        await s.SignOutAsync();

        // 事務局 records the result; the 別表 shows ○ exactly there.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(caseUrl);
        await page.Locator("#result-Approved").CheckAsync();
        await page.Locator("#responses-NoneNeeded").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "結果を記録する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("結果「承認」を記録しました");
        await s.ScreenshotAsync("21-review-case");
        await page.GetByRole(AriaRole.Link, new() { Name = "令和8年度第1回" }).Last.ClickAsync();
        await Assertions.Expect(page.Locator("table.data").Last).ToContainTextAsync("審査済");
        await s.ScreenshotAsync("22-review-round");
        await page.GetByRole(AriaRole.Link, new() { Name = "別表（類型一覧）" }).ClickAsync();
        var marked = page.Locator("table.matrix tbody tr").Filter(new() { HasText = "委託業務で取り扱う妥当性" }).Locator("td");
        await Assertions.Expect(marked).ToHaveTextAsync(["○"]);
        var unmarked = page.Locator("table.matrix tbody tr").Filter(new() { HasText = "個人情報を保有する期間" }).Locator("td");
        await Assertions.Expect(unmarked).ToHaveTextAsync([""]);
        await Assertions.Expect(page.Locator("table.matrix tbody tr").Filter(new() { HasText = "対応不要" }).Locator("td")).ToHaveTextAsync(["○"]);
        await s.ScreenshotAsync("23-review-matrix");

        // The counts per type for the fiscal year of the 部会.
        await page.GotoAsync(s.BaseUrl + "/reviews/counts?From=令和8年4月1日&To=令和9年3月31日");
        await Assertions.Expect(page.Locator("ul.plain")).ToContainTextAsync("外部委託 1件（うち要配慮個人情報 0件、条例要配慮個人情報 0件）");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("令和8年4月1日から令和9年3月31日まで：1業務、自己点検類型 1件");
        await s.ScreenshotAsync("24-review-counts");

        // The round report prints on A4 with the case, its Q&A and the 別表 on its own page.
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "令和8年度第1回" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "報告書" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.report")).ToContainTextAsync("【報告】住民票の写し等交付事務（戸籍住民課）…（1）");
        await s.ScreenshotAsync("25-review-report");
        await s.PrintAsync("review-report", 2, "住民票の写し等交付事務", "別表");
    }
}
