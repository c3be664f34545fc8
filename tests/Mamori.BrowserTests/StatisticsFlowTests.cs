using System.Globalization;
using System.Text;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Security;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class StatisticsFlowTests
{
    /// <summary>Twenty-three made-up wards (守り区 among them) with figures that give rates on both sides of a half.</summary>
    private static string CardsCsv()
    {
        var csv = new StringBuilder("区名,人口,申請数,交付数\r\n");
        for (var i = 0; i < 23; i++)
        {
            var name = i == 7 ? "守り区" : $"第{i + 1}区";
            var population = 16_000 + i * 9_000;
            csv.Append(CultureInfo.InvariantCulture, $"{name},\"{population:N0}\",\"{population * (60 + i) / 100:N0}\",\"{population * (50 + i) / 100:N0}\"\r\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Office_ImportsCardsAndYearlyCounts_SortsTheTable_AndPrintsTheYearlyReportWithCoverContentsAndAPagePerSection()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        // A closed 令和4年度 checklist and a server-room entry, so that every section of the report has content.
        await s.Factory.AsSystemAsync(async (_, db) =>
        {
            var template = new ChecklistTemplate { MunicipalityId = tenant.MunicipalityId, Name = "住基ネット調査表" };
            template.SetItems(ChecklistTemplate.DefaultItems);
            template.SetScale(ChecklistTemplate.DefaultScale);
            db.ChecklistTemplates.Add(template);
            var assessment = new ChecklistAssessment { MunicipalityId = tenant.MunicipalityId, TemplateId = template.Id, FiscalYear = 2022, ClosedAt = s.Factory.Clock.GetUtcNow().UtcDateTime };
            assessment.Answers.AddRange(template.Items.Select(i => new ChecklistAnswer { MunicipalityId = tenant.MunicipalityId, ItemNumber = i.Number, Value = 3 }));
            db.ChecklistAssessments.Add(assessment);
            db.RoomEntries.Add(new RoomEntry
            {
                MunicipalityId = tenant.MunicipalityId,
                EnteredAt = new DateTime(2022, 6, 14, 1, 0, 0, DateTimeKind.Utc),
                Kind = RoomEntryKind.Vendor,
                Organization = "東都ネットワーク株式会社",
                Reason = "サーバー保守",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "統計", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "マイナンバーカード交付状況" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "取り込む" }).First.ClickAsync();
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "カード交付状況_2023-03-31.csv",
            MimeType = "text/csv",
            Buffer = Mamori.Core.Csv.CsvEncodings.Cp932.GetBytes(CardsCsv()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("（令和5年3月31日）の 23 行を取り込みました");
        await Assertions.Expect(page.Locator("#stat-table tbody tr")).ToHaveCountAsync(23);
        // 守り区: 79,000 people, 67% applied (52,930) and 57% issued (45,030).
        await Assertions.Expect(page.Locator("#stat-table tr.own")).ToContainTextAsync("守り区（本団体）");
        await Assertions.Expect(page.Locator("#stat-table tr.own td").Nth(3)).ToHaveTextAsync("67.0");
        await Assertions.Expect(page.Locator(".rate-chart .own")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "交付率（%）" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stat-table tbody tr").First).ToContainTextAsync("第23区");
        await s.ScreenshotAsync("70-statistics-cards");

        // The generic print view: the municipality, title and date on top, page numbers at the bottom.
        var listPdf = Path.Combine(BrowserSession.ArtifactsDirectory, "statistics-cards.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = listPdf, PreferCSSPageSize = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var listPages = await PdfText.PagesAsync(listPdf);
        Assert.Contains("守り区マイナンバーカード交付状況", PdfText.Compact(listPages[0]));
        Assert.Contains("印刷", PdfText.Compact(listPages[0]));
        Assert.Contains($"1/{listPages.Count}", PdfText.Compact(listPages[0]));
        Assert.DoesNotContain("ログアウト", listPages[0]);

        // Six years of convenience-store counts from Excel's CSV, then published.
        await page.GotoAsync(s.BaseUrl + "/statistics/convenience/import");
        var years = new StringBuilder("年度,住民票,印鑑登録証明,税証明\r\n");
        foreach (var y in Enumerable.Range(1, 6))
        {
            years.Append(CultureInfo.InvariantCulture, $"{(y == 1 ? "令和元年度" : $"令和{y}年度")},\"{y * 1_234:N0}\",{y * 100},{y * 10}\r\n");
        }
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "コンビニ交付.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(years.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stat-table tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#stat-table tbody tr").Nth(3)).ToContainTextAsync("5,376"); // 令和4年度: 4,936 + 400 + 40
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("公開ページに掲載しました");
        await page.GotoAsync(s.BaseUrl + $"/public/{tenant.Code}/statistics/convenience");
        await Assertions.Expect(page.Locator("#stat-table")).ToContainTextAsync("令和元年度");
        await s.ScreenshotAsync("71-statistics-public");

        // The yearly report: cover, 目次, a page per section, 和暦, the cards and the counts.
        await page.GotoAsync(s.BaseUrl + "/security/report?fy=2022");
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("守り区（本団体）");
        await s.ScreenshotAsync("72-yearly-report");
        // Chart text on paper: the smallest label of every chart, at the size the drawing is printed, is 10pt or more
        // (1pt = 4/3 CSS px).
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var smallest = await page.EvaluateAsync<double>(@"() => Math.min(...[...document.querySelectorAll('figure.chart svg')].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale * 0.75);
        }))");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.True(smallest >= 10, $"グラフの文字が {smallest:0.0}pt です（10pt 以上のはず）。");
        // Every sheet carries the running header (municipality, title, date printed) and its number; the text of a
        // sheet begins after the header.
        var pages = (await s.PrintAsync("yearly-report", 7)).Select(p => p[(p.IndexOf("印刷", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.InRange(pages.Count, 7, 10);
        Assert.Contains("令和4年度住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況", pages[0]);
        Assert.Contains("守り区", pages[0]);
        Assert.Contains("目次", pages[1]);
        // Each section begins a page, in the order of the contents.
        var starts = SecurityYearReport.Sections.Select(section => pages.FindIndex(p => p.StartsWith(section.Replace("　", ""), StringComparison.Ordinal))).ToList();
        Assert.All(starts, i => Assert.True(i >= 2, string.Join("\n---\n", pages)));
        Assert.Equal(starts.Order(), starts);
        Assert.Contains("運用している", pages[starts[0]]);
        Assert.Contains("サーバー保守（1件）", string.Concat(pages.Skip(starts[1])));
        Assert.Contains("令和5年3月31日現在", pages[starts[3]]);
        Assert.Contains("守り区（本団体）79,00052,93045,03067.057.0", pages[starts[3]]);
        Assert.Contains("令和4年度4,93640040", pages[starts[4]]);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"{i + 1}/{pages.Count}", pages[i]);
        }
    }
}
