using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Reports;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Reports;

public sealed partial class AnnualReportTests(AppFixture app)
{
    internal static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    /// <summary>The headings (見出し 1) of a .docx and the text of each chapter up to the next heading.</summary>
    private static List<(string Heading, string Body)> Chapters(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var chapters = new List<(string Heading, string Body)>();
        foreach (var element in doc.MainDocumentPart!.Document.Body!.Elements())
        {
            if (element is Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            {
                chapters.Add((p.InnerText, ""));
            }
            else if (chapters.Count > 0)
            {
                var (h, body) = chapters[^1];
                chapters[^1] = (h, body + "\n" + string.Join("|", element.Descendants<Paragraph>().Select(x => x.InnerText).DefaultIfEmpty(element.InnerText)));
            }
        }
        return chapters;
    }

    internal static async Task<Guid> CopyAsync(Browser office, string builtIn) =>
        Guid.Parse(await PostAndFollowAsync(office, "/reports", new() { ["builtIn"] = builtIn }, "/reports?handler=Copy"));

    internal static async Task<Guid> CreateAsync(Browser office, Guid template, int year) =>
        Guid.Parse(await PostAndFollowAsync(office, "/reports", new() { ["templateId"] = template.ToString(), ["fiscalYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/reports?handler=Create"));

    internal static async Task<AnnualReport> ReportAsync(MamoriFactory factory, Guid id) =>
        await factory.AsSystemAsync((_, db) => db.AnnualReports.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == id));

    private static Dictionary<string, string> Narrative(AnnualReport report, string heading, string text)
    {
        var section = report.Sections.Single(s => s.Heading == heading);
        return new()
        {
            ["Key"] = section.Key.ToString(),
            ["Version"] = report.Version.ToString(),
            ["Act"] = "Update",
            ["Input.Heading"] = heading,
            ["Input.Source"] = "Narrative",
            ["Input.Text"] = text,
        };
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ResidentNetworkReport_ReadsEachSectionForItsOwnPeriod_InPrintWordAndExcel(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ReportSeed.AddAsync(factory, tenant);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var template = await CopyAsync(office, BuiltInReportTemplates.ResidentNetwork.Key);
        var id = await CreateAsync(office, template, 2023);

        var page = Text(await office.GetPageAsync($"/reports/{id}/print"));
        Assert.Contains("令和5年度 住民基本台帳ネットワークシステムの運用状況について", page);
        Assert.Contains("<li>２　住基ネット調査表による点検結果</li>", page);
        // The checklist of 令和5年度 against 令和4年度: (24 + 2×2) / 10 = 2.80 and (24 + 2×1) / 10 = 2.60.
        Assert.Contains("<td class=\"pre\">全体</td><td class=\"pre num\">2.80</td><td class=\"pre num\">2.60</td><td class=\"pre num\">+0.20</td>", page);
        // The room log of the year before (令和4年度): May's two entries, not 令和5年度's work.
        Assert.Contains("（対象期間：令和4年度）", page);
        Assert.Contains("ログチェック（2件）", page);
        Assert.DoesNotContain("ネットワーク工事", page);
        // The drills of the report's own year only.
        Assert.Contains("令和5年度の緊急時対応訓練", page);
        Assert.DoesNotContain("令和4年度の緊急時対応訓練", page);
        // Cards on the latest 基準日 within 令和5年度, not the one after it.
        Assert.Contains("令和5年10月31日現在", page);
        Assert.DoesNotContain("令和6年4月30日", page);
        // コンビニ交付 up to 10月31日 of 令和5年度, named so in its row; 住基ネット実績 up to 令和4年度 only.
        Assert.Contains("（対象期間：令和5年4月1日～令和5年10月31日）", page);
        Assert.Contains("<td class=\"pre\">令和5年度（10月31日時点）</td><td class=\"pre num\">5,101</td>", page);
        Assert.Contains("<td class=\"pre num\">4,201</td>", page);
        Assert.DoesNotContain("5,201", page);
        // Narratives: the template's opening words.
        Assert.Contains("住基ネットの運用状況を報告します", page);
        Assert.Equal(9, Regex.Count(page, "class=\"page-break\"")); // after the cover, and before each of the 8 chapters

        var docx = await (await office.GetAsync($"/reports/{id}/print?handler=Docx")).Content.ReadAsByteArrayAsync();
        var chapters = Chapters(docx);
        Assert.Equal(BuiltInReportTemplates.ResidentNetwork.Sections.Select((s, i) => $"{AnnualReports.Numeral(i + 1)}　{s.Heading}"), chapters.Select(c => c.Heading));
        Assert.Contains("（対象期間：令和5年度）", chapters[1].Body);
        Assert.Contains("2.80", chapters[1].Body);
        Assert.Contains("（対象期間：令和4年度）", chapters[2].Body);
        Assert.Contains("（対象期間：令和6年3月31日現在）", chapters[4].Body);
        Assert.Contains("テスト市（本団体）", chapters[4].Body);
        Assert.Contains("令和5年度（10月31日時点）", chapters[5].Body);
        Assert.Contains("4,201", chapters[6].Body);
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
            Assert.Contains("TOC \\o", xml);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal));
            Assert.Contains(" PAGE ", await new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal)).Open()).ReadToEndAsync());
            // The room chart and the card chart are Word charts in the file.
            Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("word/charts/chart", StringComparison.Ordinal)));
        }

        var xlsx = await (await office.GetAsync($"/reports/{id}/print?handler=Xlsx")).Content.ReadAsByteArrayAsync();
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Contains("2 点検結果", sheets);
        Assert.Contains("3 入退室（月別）", sheets);
        Assert.Contains("5 マイナンバーカード交付状況", sheets);
        var network = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "7 住基ネット実績").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([4201d], network.Select(r => Convert.ToDouble(r["特例転出入"], System.Globalization.CultureInfo.InvariantCulture)));

        // Another municipality's office does not see the report.
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = await Browser.SignInAsync(factory, other, UserRole.Office);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/{id}/print?handler=Docx")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task NextYearsReport_CarriesTheWordsOver_MarkedUntilChanged_AndAStaleEditIsAConflict(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var template = await CopyAsync(office, BuiltInReportTemplates.ResidentNetwork.Key);
        var first = await CreateAsync(office, template, 2023);
        var report = await ReportAsync(factory, first);
        Assert.DoesNotContain("前年度のまま", Text(await office.GetPageAsync($"/reports/{first}")));
        await PostAndFollowAsync(office, $"/reports/{first}", Narrative(report, "はじめに", "令和5年度は、統合端末を更新しました。\n\n引き続き適正に運用します。"), $"/reports/{first}?handler=Section");

        var second = await CreateAsync(office, template, 2024);
        var next = await ReportAsync(factory, second);
        Assert.Equal(first, next.CarriedFromId);
        Assert.Equal("令和5年度は、統合端末を更新しました。\n\n引き続き適正に運用します。", next.Sections.Single(s => s.Heading == "はじめに").Text);
        var page = Text(await office.GetPageAsync($"/reports/{second}"));
        Assert.Equal(2, Regex.Count(page, "<span class=\"status\">前年度のまま</span>")); // はじめに and 今後の取組
        // The carried words print as two paragraphs.
        var print = Text(await office.GetPageAsync($"/reports/{second}/print"));
        Assert.Contains("<p class=\"indent-1\">令和5年度は、統合端末を更新しました。</p><p class=\"indent-1\">引き続き適正に運用します。</p>", print);

        await PostAndFollowAsync(office, $"/reports/{second}", Narrative(next, "はじめに", "令和6年度は、CSルームの入退室管理を見直しました。"), $"/reports/{second}?handler=Section");
        page = Text(await office.GetPageAsync($"/reports/{second}"));
        Assert.Equal(1, Regex.Count(page, "<span class=\"status\">前年度のまま</span>"));

        // An edit from a page opened before that save is refused with the message, and changes nothing.
        var stale = await office.PostFormAsync($"/reports/{second}", Narrative(next, "今後の取組", "古い画面からの変更"), $"/reports/{second}?handler=Section");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains(OptimisticSave.ConflictMessage, WebUtility.HtmlDecode(await office.GetPageAsync($"/reports/{second}")));
        Assert.DoesNotContain(((await ReportAsync(factory, second)).Sections), s => s.Text == "古い画面からの変更");
        // Words refused for their heading come back as typed, with the message, and nothing is saved.
        var current = await ReportAsync(factory, second);
        var refused = Narrative(current, "今後の取組", "見出しを消してしまった文章");
        refused["Input.Heading"] = "";
        var retyped = await office.PostFormAsync($"/reports/{second}", refused, $"/reports/{second}?handler=Section");
        Assert.Equal(HttpStatusCode.OK, retyped.StatusCode);
        var retypedPage = WebUtility.HtmlDecode(await retyped.Content.ReadAsStringAsync());
        Assert.Contains("章の見出しを入力してください", retypedPage);
        Assert.Contains("見出しを消してしまった文章</textarea>", retypedPage);
        Assert.Equal(current.Version, (await ReportAsync(factory, second)).Version);
        // A second report of the same 年度 from the same template is refused.
        await office.PostFormAsync("/reports", new() { ["templateId"] = template.ToString(), ["fiscalYear"] = "2024" }, "/reports?handler=Create");
        Assert.Contains("令和6年度の報告書はこのひな形からすでに作られています", WebUtility.HtmlDecode(await office.GetPageAsync("/reports")));
        Assert.Equal(2, await factory.AsSystemAsync((_, db) => db.AnnualReports.IgnoreQueryFilters().CountAsync(r => r.TemplateId == template)));
    }
}
