using System.Text;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Minutes;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class MinutesFlowTests
{
    [Fact]
    public async Task OfficeImportsMinutes_AfterThePreview_ThenFindsAPhrase_AndOpensTheTurn()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        // From the navigation to the import page; a file that is not minutes is refused with its name.
        await page.GetByRole(AriaRole.Link, new() { Name = "会議録の検索" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "会議録を取り込む" }).ClickAsync();
        await page.GetByLabel("会議録のファイル").SetInputFilesAsync(new FilePayload
        {
            Name = "名簿.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("氏名,所属\n山田,総務課\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("名簿.txt に発言が見つかりません");

        // Real minutes in Shift_JIS: the preview shows what was read before anything is stored.
        await page.GetByLabel("会議録のファイル").SetInputFilesAsync(new FilePayload
        {
            Name = "R6-2会議録.txt",
            MimeType = "text/plain",
            Buffer = Mamori.Core.Csv.CsvEncodings.Cp932.GetBytes(MinutesTests.Fixture),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        var details = page.Locator("dl.details");
        await Assertions.Expect(details).ToContainTextAsync("令和6年8月20日（火） 14:00～15:30");
        await Assertions.Expect(details).ToContainTextAsync("諮問第12号 国民健康保険事務の外部委託について");
        await Assertions.Expect(page.Locator("table.data", new() { HasText = "発言の一覧" }).Locator("tbody tr")).ToHaveCountAsync(10);
        // The council of that name is not registered: a new one is proposed, not created, until chosen.
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("新しい審議会として登録することを選んでください");
        await page.GetByLabel("取込み先の審議会").SelectOptionAsync(new SelectOptionValue { Label = "新しく登録する：みはらし市個人情報保護審議会" });
        await s.ScreenshotAsync("30-minutes-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("R6-2会議録.txt を取り込みました（発言 9 件、注記 1 件）");
        await Assertions.Expect(page.Locator("#turn-4")).ToContainTextAsync("特記事項");

        // Search: the phrase is marked in the snippet, and the result opens the minutes at that turn.
        await page.GetByRole(AriaRole.Link, new() { Name = "会議録の検索" }).ClickAsync();
        await page.GetByLabel("検索語").FillAsync("\"実地で確認\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("検索結果 1件");
        await Assertions.Expect(page.Locator("ol.hits mark")).ToHaveTextAsync("実地で確認");
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("令和6年8月20日（火）");
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("保険年金課長");

        await page.GetByLabel("検索語").FillAsync("委託");
        await page.GetByLabel("発言者の区分").SelectOptionAsync(new SelectOptionValue { Label = "委員" });
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("検索結果 1件");
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("石井委員");
        await s.ScreenshotAsync("31-minutes-search");
        await page.Locator("ol.hits a").First.ClickAsync();
        Assert.EndsWith("/minutes#turn-3", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#turn-3")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#turn-3")).ToContainTextAsync("委託先での個人情報の取扱い");

        // Minutes of 平成28年 as a PDF printed from another municipality's web page (a 発言者 | 審議の内容 table): the
        // preview shows what was read; 諮問第12号 there is another matter than the registered one and waits for a choice.
        var pdfPage = await page.Context.NewPageAsync();
        await pdfPage.SetContentAsync(OtherMunicipalityMinutes);
        var pdf = await pdfPage.PdfAsync(new PagePdfOptions { Format = "A4", DisplayHeaderFooter = true, Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" } });
        await pdfPage.CloseAsync();
        await File.WriteAllBytesAsync(Path.Combine(BrowserSession.ArtifactsDirectory, "H28-1会議録.pdf"), pdf);
        await page.GotoAsync(s.BaseUrl + "/council/minutes/import");
        await page.GetByLabel("会議録のファイル").SetInputFilesAsync(new FilePayload { Name = "H28-1会議録.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main h2").First).ToContainTextAsync("読み取った内容（H28-1会議録.pdf、PDF）");
        await Assertions.Expect(details).ToContainTextAsync("平成28年7月6日（水） 10:00～11:00");
        await Assertions.Expect(details).ToContainTextAsync("千草孝雄、久保田政江、近藤卓夫");
        await Assertions.Expect(details).ToContainTextAsync("発言者 3名");
        var links = page.Locator("table.data", new() { HasText = "議題の結び付け" });
        await Assertions.Expect(links).ToContainTextAsync("要確認");
        await Assertions.Expect(links).ToContainTextAsync("国民健康保険事務の外部委託について");
        await Assertions.Expect(links).ToContainTextAsync("社会保障・税番号制度における特定個人情報保護評価について");
        await Assertions.Expect(page.Locator("table.data", new() { HasText = "発言の一覧" }).Locator("tbody tr")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("諮問第12号：登録済みの「国民健康保険事務の外部委託について」と同じ議題か確かめられません");
        await s.ScreenshotAsync("32-minutes-import-conflict");
        await page.Locator("#Choices_0_").GetByLabel("取り込まない").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("H28-1会議録.pdf を取り込みました（発言 4 件");

        // One OR query finds a turn of each meeting.
        await page.GetByRole(AriaRole.Link, new() { Name = "会議録の検索" }).ClickAsync();
        await page.GetByLabel("検索語").FillAsync("第三者点検 OR 抽出検査");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("検索結果 2件");
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("平成28年7月6日");
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("令和6年8月20日");

        // A date typed wrongly is explained at the field.
        await page.GotoAsync(s.BaseUrl + "/council/minutes/search?q=" + Uri.EscapeDataString("委託") + "&from=" + Uri.EscapeDataString("令和6年2月30日"));
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("開催日の始め");
    }

    /// <summary>Minutes as a municipality publishes them on its website: a header table and a table of speakers and speech.</summary>
    private const string OtherMunicipalityMinutes = """
        <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>会議録</title>
        <style>body{font-family:'Noto Serif CJK JP',serif;font-size:10.5pt}table{border-collapse:collapse;width:100%;margin:6pt 0}td,th{border:.5pt solid #000;padding:3pt;vertical-align:top;text-align:left}td.who{width:20%}</style></head><body>
        <h1>平成28年度第1回みはらし市個人情報保護審議会 会議録</h1>
        <table>
        <tr><th>開催日時</th><td>平成28年7月6日（水）午前10時から午前11時まで</td></tr>
        <tr><th>開催場所</th><td>みはらし市役所 高層棟6階 601会議室</td></tr>
        <tr><th>出席者の氏名</th><td>千草 孝雄（会長）、久保田 政江、近藤 卓夫</td></tr>
        <tr><th>議題</th><td><p>(1) 諮問第12号 社会保障・税番号制度における特定個人情報保護評価について</p></td></tr>
        </table>
        <table>
        <tr><th>発言者</th><th>審議の内容</th></tr>
        <tr><td class="who">千草会長</td><td>ただいまから審議会を開会します。諮問第12号について説明をお願いします。</td></tr>
        <tr><td class="who">前田課長</td><td><p>全項目評価書の第三者点検をお願いするものです。</p><p>評価書は事前に送付しております。</p></td></tr>
        <tr><td class="who">近藤委員</td><td>再委託先の監督はどうなっていますか。</td></tr>
        <tr><td class="who">前田課長</td><td>契約で再委託を禁止しています。</td></tr>
        </table>
        <p>（午前11時閉会）</p>
        </body></html>
        """;
}
