using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Reports;
using Mamori.Tests.Features.Reports;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class ReportFlowTests
{
    [Fact]
    public async Task Office_CopiesATemplate_MakesTheYearsReport_WritesItsWords_AndPrintsItWithContentsAndAPagePerChapter()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        await ReportSeed.AddAsync(s.Factory, tenant);
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "審議会への年次報告" }).ClickAsync();
        await s.AccessibleAsync("reports-index");
        await page.Locator("#built-in tr", new() { HasText = BuiltInReportTemplates.ResidentNetwork.Name }).GetByRole(AriaRole.Button, new() { Name = "写して編集する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ひな形「住基ネット運用状況報告（条例に基づく報告）」を作りました");
        await Assertions.Expect(page.Locator(".report-section")).ToHaveCountAsync(8);
        await s.AccessibleAsync("report-template");
        await s.ScreenshotAsync("90-report-template");

        await page.GetByRole(AriaRole.Link, new() { Name = "報告書", Exact = true }).First.ClickAsync();
        await page.GetByLabel("年度（住基ネット運用状況報告（条例に基づく報告））").SelectOptionAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "作る" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("令和5年度 住民基本台帳ネットワークシステムの運用状況について");
        // Each data chapter says which dates it covers for this 年度.
        await Assertions.Expect(page.Locator(".report-section").Nth(2)).ToContainTextAsync("報告年度の前年度＝令和4年度");
        await Assertions.Expect(page.Locator(".report-section").Nth(5)).ToContainTextAsync("令和5年4月1日～令和5年10月31日");
        var opening = page.Locator(".report-section").First;
        await opening.GetByLabel("文章（段落の間は空行）").FillAsync("令和5年度は、統合端末を更新しました。\n\n引き続き適正に運用します。");
        await opening.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("保存しました");
        await s.AccessibleAsync("report-detail");
        await s.ScreenshotAsync("91-report-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "印刷用の表示" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.document h2.chapter")).ToHaveCountAsync(8);
        await s.ScreenshotAsync("92-report-print");
        var pages = (await s.PrintAsync("annual-report", 10, "令和5年度は、統合端末を更新しました。"))
            .Select(p => p[(p.IndexOf("印刷", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Contains("住民基本台帳ネットワークシステムの運用状況について", pages[0]);
        Assert.Contains("守り区", pages[0]);
        Assert.Contains("目次", pages[1]);
        var headings = BuiltInReportTemplates.ResidentNetwork.Sections.Select((c, i) => PdfText.Compact($"{AnnualReports.Numeral(i + 1)}　{c.Heading}")).ToList();
        Assert.All(headings, h => Assert.Contains(h, pages[1]));
        // Each chapter begins a page of its own, in the order of the contents, with its period.
        var starts = headings.Select(h => pages.FindIndex(2, p => p.StartsWith(h, StringComparison.Ordinal))).ToList();
        Assert.All(starts, i => Assert.True(i >= 2, string.Join("\n---\n", pages)));
        Assert.Equal(starts.Order(), starts);
        Assert.Contains("（対象期間：令和4年度）", pages[starts[2]]);
        Assert.Contains("ログチェック（2件）", string.Concat(pages.Skip(starts[2]).Take(starts[3] - starts[2])));
        Assert.Contains("令和5年度（10月31日時点）5,101", pages[starts[5]]);
        Assert.Contains("守り区（本団体）", pages[starts[4]]);
    }
}
