using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class CouncilFlowTests
{
    [Fact]
    public async Task OfficeHoldsAWrittenMeeting_MemberAsks_OfficeAnswers_TheCompiledTableShowsBoth()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var heldOn = s.Today.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var deadline = s.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // 事務局 sets up the council and appoints the member who has an account.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(s.BaseUrl + "/council/edit");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("守り区情報公開・個人情報保護審議会");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("守り区情報公開・個人情報保護審議会");
        var councilUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "委員を登録" }).ClickAsync();
        await page.GetByLabel("氏名").FillAsync("守屋 花子");
        await page.GetByLabel("所属・推薦団体").FillAsync("守り区弁護士会");
        await page.GetByLabel("役職").SelectOptionAsync(new SelectOptionValue { Label = "会長" });
        await page.GetByLabel("任期の始まり").FillAsync(s.Today.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var account = await page.Locator("#Input_UserId option").Filter(new() { HasText = tenant.UserName(UserRole.Member) }).GetAttributeAsync("value");
        await page.GetByLabel("Mamori のアカウント（委員ロール）").SelectOptionAsync(account!);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("守屋 花子");

        await page.GotoAsync(councilUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "委員を登録" }).ClickAsync();
        await page.GetByLabel("氏名").FillAsync("保科 一郎");
        await page.GetByLabel("任期の始まり").FillAsync(s.Today.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("保科 一郎");

        // Two consultations, numbered by the proposal.
        var itemUrl = string.Empty;
        foreach (var title in new[] { "住民情報システムの標準化に伴う特定個人情報保護評価について", "防犯カメラの設置について" })
        {
            await page.GotoAsync(s.BaseUrl + "/council/items/edit");
            await page.GetByLabel("件名").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
            itemUrl = page.Url;
        }

        // A written meeting with a deadline for questions; both items on its agenda.
        await page.GotoAsync(councilUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "会議を登録" }).ClickAsync();
        await page.GetByLabel("会議の名称（回）").FillAsync("第3回（書面開催）");
        await page.GetByLabel("書面開催").CheckAsync();
        await page.GetByLabel("開催日").FillAsync(heldOn);
        await page.GetByLabel("質問・意見の提出期限").FillAsync(deadline);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("第3回（書面開催）");
        var meetingUrl = page.Url;
        await page.GetByLabel("議題を追加").SelectOptionAsync(new SelectOptionValue { Label = "諮問第1号 住民情報システムの標準化に伴う特定個人情報保護評価について" });
        await page.GetByLabel("資料番号").FillAsync("資料1");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加", Exact = true }).ClickAsync();
        await page.GetByLabel("議題を追加").SelectOptionAsync(new SelectOptionValue { Label = "諮問第2号 防犯カメラの設置について" });
        await page.GetByLabel("資料番号").FillAsync("資料2");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加", Exact = true }).ClickAsync();
        var agenda = page.Locator("table.data").Nth(1);
        await Assertions.Expect(agenda).ToContainTextAsync("資料1");
        await Assertions.Expect(agenda).ToContainTextAsync("資料2");
        await Assertions.Expect(page.Locator("#not-responded")).ToHaveTextAsync("未回答の委員（2名）：守屋 花子、保科 一郎");
        await s.SignOutAsync();

        // The member sees the meeting and asks a question on the second item.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Member));
        await page.GotoAsync(s.BaseUrl + "/council");
        await page.GetByRole(AriaRole.Link, new() { Name = "守り区情報公開・個人情報保護審議会 第3回（書面開催）" }).ClickAsync();
        await page.GetByLabel("議題").SelectOptionAsync(new SelectOptionValue { Label = "資料2 諮問第2号 防犯カメラの設置について" });
        await page.GetByLabel("種別").SelectOptionAsync(new SelectOptionValue { Label = "質問" });
        await page.GetByLabel("記載箇所").FillAsync("資料2 2ページ");
        await page.GetByLabel("内容").FillAsync("録画データの保存期間は何日か。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("提出しました");
        await Assertions.Expect(page.Locator("section.entry")).ToContainTextAsync("録画データの保存期間は何日か。");
        await s.ScreenshotAsync("26-council-member-question");
        await s.SignOutAsync();

        // 事務局 sees who has not responded yet and answers the question.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(meetingUrl);
        await Assertions.Expect(page.Locator("#not-responded")).ToHaveTextAsync("未回答の委員（1名）：保科 一郎");
        await page.GetByLabel("回答する").FillAsync("録画データは7日間保存し、自動的に上書きします。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".answer")).ToContainTextAsync("7日間保存");
        await s.ScreenshotAsync("27-council-meeting");

        // The answers 保科 sent on paper come in as the office's table (a Word file): read, checked, stored.
        await page.GetByRole(AriaRole.Link, new() { Name = "ご意見・ご質問と回答の表を取り込む" }).ClickAsync();
        var sheet = Mamori.Core.Tests.Features.Council.OpinionSheets.Render(
            [new("1", "保科委員", "諮問第1号", "資料1 4ページ", ["標準化の後も保存期間は変わりませんか。"], ["変わりません。"])],
            [("Number", "番号"), ("Member", "委員"), ("Item", "議題"), ("Location", "記載箇所"), ("Text", "ご意見・ご質問"), ("Answer", "区の回答")],
            Mamori.Core.Tests.Features.Council.OpinionSheets.Shape.Docx, seed: 1);
        await page.GetByLabel("ご意見・ご質問と回答の表").SetInputFilesAsync(new FilePayload
        {
            Name = "書面回答.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = sheet,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("標準化の後も保存期間は変わりませんか。");
        await Assertions.Expect(page.Locator("#Members_0_ option:checked")).ToHaveTextAsync("保科 一郎");
        await Assertions.Expect(page.Locator("#Items_0_ option:checked")).ToContainTextAsync("住民情報システムの標準化");
        await s.ScreenshotAsync("29-council-opinion-sheet");
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("質問・意見 1 件（回答 1 件）を取り込みました");
        await Assertions.Expect(page.Locator("#not-responded")).ToHaveTextAsync("全員が回答しました。");

        // The compiled table has the question and the answer side by side, under its item.
        await page.GetByRole(AriaRole.Link, new() { Name = "ご意見・ご質問と回答（一覧表）" }).ClickAsync();
        var row = page.Locator("article.document table tr").Filter(new() { HasText = "録画データの保存期間は何日か。" });
        await Assertions.Expect(row).ToContainTextAsync("資料2 2ページ");
        await Assertions.Expect(row).ToContainTextAsync("録画データは7日間保存し、自動的に上書きします。");
        await Assertions.Expect(page.Locator("article.document table tr").Filter(new() { HasText = "標準化の後も保存期間は変わりませんか。" })).ToContainTextAsync("変わりません。");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("防犯カメラの設置について");
        await s.ScreenshotAsync("28-council-answers");
        await s.PrintAsync("council-answers", "委員からのご意見・ご質問と回答", "録画データの保存期間", "録画データは7日間保存し", "防犯カメラの設置について");

        // The notice to the members names the deadline and both items; printed right after saving, the green banner stays
        // on the screen.
        await page.GotoAsync(meetingUrl + "/notice");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("第3回守り区情報公開・個人情報保護審議会の書面開催について（通知）");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("（2）防犯カメラの設置について（諮問第2号）");
        await page.GetByLabel("文書番号").FillAsync("8守政相発第12号");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("開催通知を保存しました");
        await s.PrintAsync("council-notice", "8守政相発第12号", "書面開催について（通知）", "守り区情報公開・個人情報保護審議会会長守屋花子",
            "（2）防犯カメラの設置について（諮問第2号）");

        // The 答申: its title says について once.
        await page.GotoAsync(itemUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "答申を作成" }).ClickAsync();
        await page.GetByLabel("答申日").FillAsync(s.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("本文").FillAsync("諮問のとおり設置することは妥当である。\nただし、録画データの保存期間は7日間とすること。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("を保存しました");
        var toshin = await s.PrintAsync("council-toshin", "防犯カメラの設置について（答申）", "録画データの保存期間は7日間とすること");
        Assert.DoesNotContain("についてについて", string.Concat(toshin), StringComparison.Ordinal);
    }
}
