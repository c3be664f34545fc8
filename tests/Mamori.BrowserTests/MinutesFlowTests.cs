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
        await page.GetByLabel("会議録のテキストファイル（.txt）").SetInputFilesAsync(new FilePayload
        {
            Name = "名簿.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("氏名,所属\n山田,総務課\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("名簿.txt に発言が見つかりません");

        // Real minutes in Shift_JIS: the preview shows what was read before anything is stored.
        await page.GetByLabel("会議録のテキストファイル（.txt）").SetInputFilesAsync(new FilePayload
        {
            Name = "R6-2会議録.txt",
            MimeType = "text/plain",
            Buffer = Mamori.Core.Csv.CsvEncodings.Cp932.GetBytes(MinutesTests.Fixture),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "読み取って確認する" }).ClickAsync();
        var details = page.Locator("dl.details");
        await Assertions.Expect(details).ToContainTextAsync("令和6年8月20日（火） 14:00～15:30");
        await Assertions.Expect(details).ToContainTextAsync("諮問第12号 国民健康保険事務の外部委託について");
        await Assertions.Expect(details).ToContainTextAsync("新しく登録します");
        await Assertions.Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(10);
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

        // A date typed wrongly is explained at the field.
        await page.GotoAsync(s.BaseUrl + "/council/minutes/search?q=" + Uri.EscapeDataString("委託") + "&from=" + Uri.EscapeDataString("令和6年2月30日"));
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("開催日の始め");
    }
}
