using System.IO.Compression;
using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Statistics;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Security;

public sealed class SecurityReportTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task YearlyReport_HasTheScoreThisYearAndLast_TheRoomTables_AndTheDrills_InPrintWordAndExcel(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await factory.AsSystemAsync(async (_, db) =>
        {
            var template = new ChecklistTemplate { MunicipalityId = tenant.MunicipalityId, Name = "住基ネット調査表" };
            template.SetItems(ChecklistTemplate.DefaultItems);
            template.SetScale(ChecklistTemplate.DefaultScale);
            db.ChecklistTemplates.Add(template);
            foreach (var (year, low) in new[] { (2021, 1), (2022, 2) })
            {
                var a = new ChecklistAssessment { MunicipalityId = tenant.MunicipalityId, TemplateId = template.Id, FiscalYear = year, ClosedAt = factory.Clock.GetUtcNow().UtcDateTime };
                a.Answers.AddRange(template.Items.Select(i => new ChecklistAnswer
                {
                    MunicipalityId = tenant.MunicipalityId,
                    ItemNumber = i.Number,
                    Value = i.Number is "3" or "5" ? low : 3,
                    PlanMeasure = year == 2022 && i.Number == "3" ? "研修を年2回に増やす" : null,
                    PlanOwner = year == 2022 && i.Number == "3" ? "戸籍住民課" : null,
                    PlanDueOn = year == 2022 && i.Number == "3" ? new DateOnly(2023, 3, 31) : null,
                }));
                db.ChecklistAssessments.Add(a);
            }
            db.RoomEntries.AddRange(
                new RoomEntry { MunicipalityId = tenant.MunicipalityId, EnteredAt = new DateTime(2022, 5, 10, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Staff, Organization = "情報管理課", Name = "佐藤 花子", Reason = "ログチェック" },
                new RoomEntry { MunicipalityId = tenant.MunicipalityId, EnteredAt = new DateTime(2023, 3, 1, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Vendor, Organization = "保守株式会社", Reason = "サーバー保守" },
                new RoomEntry { MunicipalityId = tenant.MunicipalityId, EnteredAt = new DateTime(2019, 6, 1, 1, 0, 0, DateTimeKind.Utc), Kind = RoomEntryKind.Vendor, Organization = "保守株式会社", Reason = "移行作業" });
            db.Drills.Add(new Drill
            {
                MunicipalityId = tenant.MunicipalityId,
                Kind = DrillKind.Emergency,
                Title = "住基ネット緊急時対応訓練",
                TargetGroup = "戸籍住民課の職員",
                HeldOn = new DateOnly(2022, 11, 8),
                Content = "情報漏えいを想定した連絡訓練",
                ParticipantCount = 12,
                Findings = "夜間の連絡先が古かった",
            });
            // Card figures on two reference dates (only the one within 令和4年度 is reported) and six years of counts.
            StatRow Card(string period, string name, long population, long applications, long issued, int order) => new()
            {
                MunicipalityId = tenant.MunicipalityId,
                Dataset = "mynumber-cards",
                Period = period,
                Label = name,
                SortOrder = order,
                ValuesJson = $"{{\"population\":{population},\"applications\":{applications},\"issued\":{issued}}}",
            };
            db.StatRows.AddRange(Card("2022-10-31", "テスト市", 16, 1, 8, 0), Card("2022-10-31", "隣の市", 3, 2, 1, 1), Card("2023-10-31", "テスト市", 10, 9, 9, 0));
            foreach (var year in Enumerable.Range(2016, 7))
            {
                db.StatRows.Add(new StatRow
                {
                    MunicipalityId = tenant.MunicipalityId,
                    Dataset = "convenience",
                    Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Label = new Mamori.Core.Japanese.FiscalYear(year).ToWareki(),
                    SortOrder = year,
                    ValuesJson = $"{{\"residentRecord\":{year},\"sealRegistration\":1000,\"taxCertificate\":1}}",
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var page = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await security.GetPageAsync("/security/report?fy=2022")), @">\s+<", "><");
        Assert.Contains("令和4年度 住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況", page);
        // 8 items at 3 and two at the low value: (24 + 2×2) / 10 this year, (24 + 2×1) / 10 last year.
        Assert.Contains("今回（令和4年度）", page);
        Assert.Contains("前回（令和3年度）", page);
        Assert.Contains("<td class=\"pre\">全体</td><td class=\"pre num\">2.80</td><td class=\"pre num\">2.60</td><td class=\"pre num\">+0.20</td>", page);
        Assert.Contains("職員に対しセキュリティ研修を年1回以上実施しているか", page); // item 3 changed 1 → 2
        Assert.DoesNotContain("サーバ室の所在・設備配置を公開資料に記載していないか", page); // never published
        Assert.Contains("非公表の1項目", page);
        // The 改善計画 of the published item below the top answer (3 運用している); item 5 is below it too but never published.
        Assert.Contains("改善計画（満点に満たない項目 1 件）", page);
        Assert.Contains("<td class=\"pre\">整備している</td><td class=\"pre\">研修を年2回に増やす</td><td class=\"pre\">戸籍住民課</td><td class=\"pre\">令和5年3月31日</td>", page);
        Assert.Contains("<td class=\"pre\">職員</td><td class=\"pre num\">0</td><td class=\"pre num\">1</td>", page); // 4月 0, 5月 1
        Assert.Contains("平成29年度", page);
        Assert.Contains("ログチェック（1件）", page);
        Assert.Contains("住基ネット緊急時対応訓練", page);
        Assert.Contains("夜間の連絡先が古かった", page);
        Assert.Contains("<svg", page);
        // Cover and 目次, a page per section.
        Assert.Contains("目　次", page);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(page, "class=\"page-break\""));
        Assert.Contains("<td class=\"pre num\">3</td><td class=\"pre\">運用している</td>", page); // the answer scale
        // 令和4年10月31日 (not 令和5年), rates half up: 1 of 16 = 6.25 → 6.3, 8 of 16 = 50.0, 2 of 3 = 66.7.
        Assert.Contains("令和4年10月31日現在", page);
        Assert.DoesNotContain("令和5年10月31日", page);
        Assert.Contains("<td class=\"pre\">テスト市（本団体）</td><td class=\"pre num\">16</td><td class=\"pre num\">1</td><td class=\"pre num\">8</td><td class=\"pre num\">6.3</td><td class=\"pre num\">50.0</td>", page);
        Assert.Contains("<td class=\"pre num\">66.7</td>", page);
        // Convenience counts for the six years up to 令和4年度: 平成29年度 (2017) … 令和4年度, with totals.
        Assert.Contains("<td class=\"pre\">令和4年度</td><td class=\"pre num\">2,022</td><td class=\"pre num\">1,000</td><td class=\"pre num\">1</td><td class=\"pre num\">3,023</td>", page);
        Assert.Contains("<td class=\"pre\">平成29年度</td>", page);
        Assert.DoesNotContain("<td class=\"pre\">平成28年度</td>", page);
        Assert.Contains("までの件数は登録されていません", page); // 住基ネット実績 not entered

        var docx = await security.GetAsync("/security/report?handler=Docx&fy=2022");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync()))
        {
            var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
            Assert.Contains("セキュリティ対策の実施状況", xml);
            Assert.Contains("2.80", xml);
            Assert.Contains("目　次", xml);
            Assert.Contains("テスト市（本団体）", xml);
            Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(xml, "w:type=\"page\""));
            // The charts of the page are Word charts in the file, not a placeholder.
            Assert.DoesNotContain("（図）", xml);
            Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("word/charts/chart", StringComparison.Ordinal)));
        }
        var xlsx = await security.GetAsync("/security/report?handler=Xlsx&fy=2022");
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(8, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
        }
        var cards = MiniExcelLibs.MiniExcel.Query(await (await security.GetAsync("/security/report?handler=Xlsx&fy=2022")).Content.ReadAsStreamAsync(),
            useHeaderRow: true, sheetName: "マイナンバーカード").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["テスト市", "隣の市"], cards.Select(r => (string)r["団体"]));
        Assert.Equal(6.3, Convert.ToDouble(cards[0]["申請率（%）"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SelfCheck_StaffAnswer_CountTowardsTheirDepartment_AndADepartmentSeesOnlyItsOwn(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        // The 所管課 account answers as a member of staff of its department; two colleagues have not answered yet.
        await factory.AsSystemAsync(async (_, db) =>
        {
            var staff = new Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, EmployeeNumber = "S001", Name = "所管 一郎" };
            db.Staff.AddRange(staff,
                new Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, EmployeeNumber = "S002", Name = "所管 二郎" },
                new Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, EmployeeNumber = "S003", Name = "他課 三郎" });
            var user = await db.Users.FirstAsync(u => u.UserName == tenant.UserName(UserRole.Department));
            user.StaffId = staff.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        await PostAndFollowAsync(security, "/security/self-checks/edit", new()
        {
            ["Input.Title"] = "情報セキュリティ職員セルフチェック",
            ["Input.StartOn"] = Iso(Today.AddDays(-1)),
            ["Input.EndOn"] = Iso(Today.AddDays(14)),
        });
        var campaign = await factory.AsSystemAsync((_, db) => db.SelfCheckCampaigns.Include(c => c.Sets).FirstAsync(c => c.MunicipalityId == tenant.MunicipalityId));
        var set = campaign.Sets.Single();
        Assert.Equal(5, set.Questions.Count);

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var answers = new Dictionary<string, string> { ["SetId"] = set.Id.ToString(), ["Comment"] = "研修を増やしてほしい" };
        foreach (var q in set.Questions.Take(4))
        {
            answers[$"Answers[{q.Key}]"] = q.Options[0];
        }
        var missing = await department.PostFormAsync($"/security/self-checks/{campaign.Id}/answer", answers, null);
        Assert.Contains("質問5「不審なメールを受け取ったときの連絡先を知っている」に回答してください", Errors(await missing.Content.ReadAsStringAsync()));
        answers["Answers[Q5]"] = "知らない";
        await PostAndFollowAsync(department, $"/security/self-checks/{campaign.Id}/answer", answers);

        var detail = WebUtility.HtmlDecode(await security.GetPageAsync($"/security/self-checks/{campaign.Id}"));
        Assert.Matches(@"<td>[^<]*</td>\s*<td class=""num"">2</td>\s*<td class=""num"">1</td>\s*<td class=""num"">50.0%</td>", detail);
        Assert.Contains("知っている 0　知らない 1", detail);

        await PostAndFollowAsync(department, $"/security/self-checks/{campaign.Id}", new() { ["Reflection.Note"] = "不審メールの連絡先を課内で周知する" },
            $"/security/self-checks/{campaign.Id}?handler=Reflect");
        var own = WebUtility.HtmlDecode(await department.GetPageAsync($"/security/self-checks/{campaign.Id}"));
        Assert.Contains("不審メールの連絡先を課内で周知する", own);
        // 監査 reads the results but does not write a department's 振り返り.
        using var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
        Assert.DoesNotContain("振り返りを保存する", await auditor.GetPageAsync($"/security/self-checks/{campaign.Id}"));
        var refused = await auditor.PostFormAsync($"/security/self-checks/{campaign.Id}", new() { ["Reflection.Note"] = "x" },
            $"/security/self-checks/{campaign.Id}?handler=Reflect");
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString ?? "");

        // 所管課 sees its own department and the total; セキュリティ担当 sees both departments.
        static int Rates(string html) => System.Text.RegularExpressions.Regex.Count(html, @"<td class=""num"">\d+\.\d%</td>");
        Assert.Equal(2, Rates(own));
        Assert.Equal(3, Rates(detail));
    }
}
