using System.Net;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Findings;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Findings;

public sealed class FindingTests(AppFixture app)
{
    internal static async Task<string> PostAsync(Browser browser, string url, Dictionary<string, string> fields, string? action = null)
    {
        var response = await browser.PostFormAsync(url, fields, action);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action ?? url} → {(int)response.StatusCode}: {Errors(body)}");
        return response.Headers.Location!.OriginalString.Split('?')[0].TrimEnd('/').Split('/')[^1];
    }

    internal static async Task<string> RefusedAsync(Browser browser, string url, Dictionary<string, string> fields, string action)
    {
        var response = await browser.PostFormAsync(url, fields, action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Errors(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> InspectionAsync(Browser office, TestTenant tenant) =>
        await PostAsync(office, "/findings/inspections/edit", new()
        {
            ["Input.Source"] = "Commission",
            ["Input.Title"] = "個人情報保護委員会による実地調査",
            ["Input.Inspector"] = "個人情報保護委員会事務局",
            ["Input.StartOn"] = "令和５年７月３１日",
            ["Input.EndOn"] = "2023-08-04",
            ["Input.DepartmentIds"] = tenant.OwnDepartmentId.ToString(),
        });

    private static async Task<string> FindingAsync(Browser office, string inspection, Guid department, string heading, DateOnly due, string law = "PersonalInformation")
    {
        var url = $"/findings/edit?inspection={inspection}";
        await PostAsync(office, url, new()
        {
            ["Input.Law"] = law,
            ["Input.Heading"] = heading,
            ["Input.Text"] = $"{heading}について改善を要する。",
            ["Input.Provision"] = "事務対応ガイド4-8-5(1)",
            ["Input.DepartmentId"] = department.ToString(),
            ["Input.DueOn"] = Iso(due),
        }, url);
        return FindingId(await office.GetPageAsync($"/findings/inspections/{inspection}"), heading);
    }

    private static string FindingId(string inspectionPage, string heading)
    {
        var match = System.Text.RegularExpressions.Regex.Match(inspectionPage, "href=\"/findings/([0-9a-f-]{36})\">" + System.Text.RegularExpressions.Regex.Escape(heading) + "<");
        Assert.True(match.Success, $"指摘「{heading}」が検査・監査の画面にありません");
        return match.Groups[1].Value;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Finding_DepartmentResponds_OfficeConfirms_AndOtherDepartmentsSeeNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "守り区");
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);

        var inspection = await InspectionAsync(office, tenant);
        var own = await FindingAsync(office, inspection, tenant.OwnDepartmentId, "アカウント及びアクセス権の管理", Today.AddDays(-1));
        var other = await FindingAsync(office, inspection, tenant.OtherDepartmentId, "ログの分析", Today.AddDays(30), "MyNumber");

        // The department sees its own finding, late, and nothing of the other department's.
        var list = WebUtility.HtmlDecode(await department.GetPageAsync("/findings"));
        Assert.Contains("アカウント及びアクセス権の管理", list);
        Assert.Contains("期限超過", list);
        Assert.DoesNotContain("ログの分析", list);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/findings/{other}")).StatusCode);
        var csv = System.Text.Encoding.UTF8.GetString(await department.Client.GetByteArrayAsync("/findings?handler=Csv&Overdue=true"));
        Assert.Contains("アカウント及びアクセス権の管理", csv);
        Assert.Contains("期限超過", csv);
        Assert.DoesNotContain("ログの分析", csv);
        Assert.Contains("期限超過 1 件", WebUtility.HtmlDecode(await department.GetPageAsync("/")));
        Assert.Equal(HttpStatusCode.Redirect, (await department.GetAsync($"/findings/inspections/{inspection}/table")).StatusCode);

        // 確認済 is the office's; 対応済 needs the countermeasure and the day it was done.
        var page = $"/findings/{own}";
        Assert.Contains("「確認済」は事務局が確認したときに付きます", await RefusedAsync(department, page, new() { ["Input.Status"] = "Confirmed" }, $"{page}?handler=Respond"));
        var refused = await RefusedAsync(department, page, new() { ["Input.Status"] = "Done" }, $"{page}?handler=Respond");
        Assert.Contains("区の対応（改善策）を入力してください", refused);
        Assert.Contains("対応完了日を入力してください", refused);

        var upload = await department.PostFileAsync(page, "file", "oboegaki.pdf", "%PDF-1.4 覚書"u8.ToArray(), $"{page}?handler=Evidence",
            new Dictionary<string, string> { ["EvidenceTitle"] = "停止の記録" });
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var evidence = System.Text.RegularExpressions.Regex.Match(await department.GetPageAsync(page), "/findings/evidence/([0-9a-f-]{36})").Groups[1].Value;
        var download = await department.GetAsync($"/findings/evidence/{evidence}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        using (var member = await Browser.SignInAsync(factory, tenant, UserRole.Member))
        {
            Assert.Contains("/account/denied", (await member.GetAsync($"/findings/evidence/{evidence}")).Headers.Location?.OriginalString ?? "");
        }

        await PostAsync(department, page, new()
        {
            ["Input.Status"] = "Done",
            ["Input.Countermeasure"] = "当該職員の権限を停止し、長期（90日以上）不在者は権限を停止することとした。",
            ["Input.Owner"] = "障害者施策課長",
            ["Input.DoneOn"] = Iso(Today),
        }, $"{page}?handler=Respond");
        var denied = await department.PostFormAsync(page, new() { ["confirm"] = "true", ["Check.CheckNote"] = "確認した" }, $"{page}?handler=Check");
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "");

        Assert.Contains("確認待ちを表示", WebUtility.HtmlDecode(await office.GetPageAsync("/findings")));
        Assert.Contains("確認の内容を入力してください", await RefusedAsync(office, page, new() { ["confirm"] = "true", ["Check.CheckedOn"] = Iso(Today) }, $"{page}?handler=Check"));
        await PostAsync(office, page, new() { ["confirm"] = "true", ["Check.CheckedOn"] = Iso(Today), ["Check.CheckNote"] = "停止の記録で確認した。" }, $"{page}?handler=Check");
        var closed = WebUtility.HtmlDecode(await department.GetPageAsync(page));
        Assert.Contains("確認済", closed);
        Assert.Contains("停止の記録で確認した。", closed);
        Assert.DoesNotContain("対応を保存する", closed);
        Assert.Contains("期限超過 0 件", WebUtility.HtmlDecode(await department.GetPageAsync("/")));

        // The table for the council: grouped by law, the countermeasure beside the finding, as Word and Excel too.
        var table = WebUtility.HtmlDecode(await office.GetPageAsync($"/findings/inspections/{inspection}/table"));
        Assert.Contains("1　個人情報保護法", table);
        Assert.Contains("2　番号法", table);
        Assert.Contains("区の対応（改善策）", table);
        Assert.Contains("長期（90日以上）不在者は権限を停止することとした。", table);
        Assert.Contains("（対応を検討中）", table);
        var docx = await office.GetAsync($"/findings/inspections/{inspection}/table?handler=Docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("長期（90日以上）不在者", word.MainDocumentPart!.Document!.Body!.InnerText);
        }
        var xlsx = await office.GetAsync($"/findings/inspections/{inspection}/table?handler=Xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("確認済", rows[0]["状況"]);
        Assert.Equal("未着手", rows[1]["状況"]);

        // Every step is in the audit trail.
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId && (e.EntityType == "Finding" || e.EntityType == "FindingEvidence")));
        Assert.True(audited >= 5, $"監査ログの記録が {audited} 件しかありません");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Incident_DeadlinesFromTheLearnedDate_StayUntilReported_AndASeriousOneReachesThePiaThreshold(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var learned = new DateOnly(2026, 9, 18);
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "テスト", tenant.MunicipalityId, tenant.OwnDepartmentId, true);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = new TestClock(learned);
            var input = new IncidentInput
            {
                Title = "健診結果の誤送付",
                DepartmentId = tenant.OwnDepartmentId,
                Kind = IncidentKind.Leak,
                IsSuspected = false,
                OccurredOn = learned,
                LearnedOn = learned,
                Summary = "健診結果を別人に送付した。",
                DataItems = "氏名、健診結果",
                AffectedCount = 1,
                HasSensitive = true,
                HasOrdinanceSensitive = false,
                PropertyDamageRisk = false,
                Unauthorized = false,
                HasSpecific = false,
                InNumberSystem = false,
                PublicExposure = false,
                ReportVoluntarily = false,
                IsSerious = false,
            };
            var saved = await Incidents.SaveAsync(db, tenant.MunicipalityId, null, input, null, mayJudgeSerious: false, clock, default);
            Assert.True(saved.Ok, saved.Describe());
            Assert.Equal(new DateOnly(2026, 9, 28), saved.Value!.PreliminaryDueOn);
            Assert.Equal(new DateOnly(2026, 10, 19), saved.Value.FinalDueOn);
            id = saved.Value.Id;

            var serious = await Incidents.SaveAsync(db, tenant.MunicipalityId, id, input with { IsSerious = true }, null, mayJudgeSerious: false, clock, default);
            Assert.Contains("事務局が判断します", serious.Describe());
        }

        // A later change of the setting does not move a deadline already given.
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        await PostAsync(admin, "/organization/municipality", new() { ["Name"] = tenant.Name, ["IncidentPreliminaryDays"] = "5", ["IncidentPeopleThreshold"] = "100" });

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var list = WebUtility.HtmlDecode(await department.GetPageAsync("/incidents"));
        Assert.Contains("健診結果の誤送付", list);
        Assert.Contains("期限 令和8年9月28日", list);
        var due = JsonDocument.Parse(await department.Client.GetStringAsync("/api/v1/findings/due")).RootElement;
        var duties = due.GetProperty("incidentDuties").EnumerateArray().Select(d => d.GetProperty("duty").GetString()).ToList();
        Assert.Equal(["速報", "確報", "本人への通知"], duties);
        Assert.True(due.GetProperty("incidentDuties")[0].GetProperty("overdue").GetBoolean());

        var register = System.Text.Encoding.UTF8.GetString(await department.Client.GetByteArrayAsync("/incidents?handler=Csv"));
        Assert.Contains("第1号,健診結果の誤送付", register);
        Assert.Contains("要配慮個人情報を含む,令和8年9月28日,,令和8年10月19日", register);

        var print = WebUtility.HtmlDecode(await department.GetPageAsync($"/incidents/{id}/print"));
        Assert.Contains("個人情報の漏えい等事案について（第1号）", print);
        Assert.Contains("報告の対象（要配慮個人情報を含む）", print);

        var cli = await CliProcess.RunAsync(["findings", "due", "--municipality", tenant.Code, "--json", .. factory.CliDatabaseArguments]);
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal("2026-09-28", cli.Json.GetProperty("incidentDuties")[0].GetProperty("dueOn").GetString());

        // Reports before the 認知日 are refused; the final report cannot come without the preliminary one.
        var page = $"/incidents/{id}";
        Assert.Contains("認知日（令和8年9月18日）より前", await RefusedAsync(department, page, new() { ["Input.PreliminaryReportedOn"] = "2026-09-17" }, page));
        Assert.Contains("確報の前に速報", await RefusedAsync(department, page, new() { ["Input.FinalReportedOn"] = "2026-10-01" }, page));
        await PostAsync(department, page, new()
        {
            ["Input.PreliminaryReportedOn"] = "2026-09-24",
            ["Input.FinalReportedOn"] = "2026-10-16",
            ["Input.NotifiedOn"] = "2026-09-25",
            ["Input.NotificationNote"] = "文書で通知",
        }, page);
        due = JsonDocument.Parse(await department.Client.GetStringAsync("/api/v1/findings/due")).RootElement;
        Assert.Equal(0, due.GetProperty("incidentDuties").GetArrayLength());

        // The office marks it a 重大事故: the PIA businesses count it for a year.
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var business = await PostAsync(office, "/assessments/businesses/edit", new()
        {
            ["Input.Name"] = "健康診査に関する事務",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.SubjectCount"] = "150000",
            ["Input.StaffHandlers"] = "20",
            ["Input.ContractorHandlers"] = "0",
        });
        var edit = $"/incidents/edit/{id}";
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "健診結果の誤送付",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Kind"] = "Leak",
            ["Input.LearnedOn"] = "2026-09-18",
            ["Input.OccurredOn"] = "2026-09-18",
            ["Input.Summary"] = "健診結果を別人に送付した。",
            ["Input.AffectedCount"] = "1",
            ["Input.HasSensitive"] = "true",
            ["Input.IsSerious"] = "true",
        };
        await PostAsync(office, edit, form);
        var stored = await factory.AsSystemAsync((_, db) => db.AssessedBusinesses.FirstAsync(b => b.Id == Guid.Parse(business)));
        Assert.Equal(new DateOnly(2026, 9, 18), stored.SeriousIncidentOn);
        Assert.Equal(PiaLevel.Full, stored.Judge(new DateOnly(2026, 11, 23)).Level);
        var incident = await factory.AsSystemAsync((_, db) => db.Incidents.FirstAsync(i => i.Id == id));
        Assert.Equal(new DateOnly(2026, 9, 28), incident.PreliminaryDueOn);

        form.Remove("Input.IsSerious");
        await PostAsync(office, edit, form);
        stored = await factory.AsSystemAsync((_, db) => db.AssessedBusinesses.FirstAsync(b => b.Id == Guid.Parse(business)));
        Assert.Null(stored.SeriousIncidentOn);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RecurringTask_AMissedOccurrence_IsOverdueUntilRecorded(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var first = Today.AddDays(-10);
        var task = await PostAsync(department, "/findings/tasks/edit", new()
        {
            ["Input.Title"] = "特定個人情報を扱うシステムのログ分析",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Frequency"] = "Yearly",
            ["Input.FirstDueOn"] = Iso(first),
        }, "/findings/tasks/edit");
        var list = WebUtility.HtmlDecode(await department.GetPageAsync("/findings/tasks"));
        Assert.Contains("未実施 1 回", list);
        Assert.Contains("未実施の定期的な取組 1 回", WebUtility.HtmlDecode(await department.GetPageAsync("/")));

        var page = $"/findings/tasks/{task}";
        Assert.Contains("実施日に未来の日付は入力できません", await RefusedAsync(department, page, new() { ["Input.DueOn"] = Iso(first), ["Input.DoneOn"] = Iso(Today.AddDays(1)) }, page));
        await PostAsync(department, page, new() { ["Input.DueOn"] = Iso(first), ["Input.DoneOn"] = Iso(first), ["Input.Note"] = "不適切なアクセスなし" }, page);
        Assert.Contains("未実施の定期的な取組 0 回", WebUtility.HtmlDecode(await department.GetPageAsync("/")));
        Assert.Contains($"{Core.Japanese.WarekiDate.Format(first)}期限の回はすでに記録されています",
            await RefusedAsync(department, page, new() { ["Input.DueOn"] = Iso(first), ["Input.DoneOn"] = Iso(first) }, page));

        using var other = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
        Assert.Contains("特定個人情報を扱うシステムのログ分析", await other.GetPageAsync("/findings/tasks"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TerminalAudit_FindingsAreTakenOverOnce_ForTheTerminalsDepartment(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var (terminal, audit, loose, looseAudit) = await factory.AsSystemAsync(async (_, db) =>
        {
            var t = new Core.Features.Security.Terminal { MunicipalityId = tenant.MunicipalityId, Code = "T-07", Place = "戸籍住民課窓口", Manager = "課長", DepartmentId = tenant.OwnDepartmentId };
            var a = new Core.Features.Security.TerminalAudit
            {
                MunicipalityId = tenant.MunicipalityId,
                TerminalId = t.Id,
                AuditedOn = new DateOnly(2026, 10, 1),
                Auditor = "情報管理課",
                Findings = "ワイヤーロック未固定\n離席時の画面ロック未実施",
            };
            var u = new Core.Features.Security.Terminal { MunicipalityId = tenant.MunicipalityId, Code = "T-08", Place = "倉庫", Manager = "課長" };
            var ua = new Core.Features.Security.TerminalAudit { MunicipalityId = tenant.MunicipalityId, TerminalId = u.Id, AuditedOn = new DateOnly(2026, 10, 1), Auditor = "情報管理課", Findings = "ワイヤーロック未固定" };
            db.AddRange(t, a, u, ua);
            await db.SaveChangesAsync();
            return (t.Id, a.Id, u.Id, ua.Id);
        });
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var page = $"/security/terminals/{terminal}";
        var inspection = await PostAsync(office, page, [], $"{page}?handler=Findings&auditId={audit}");
        var detail = WebUtility.HtmlDecode(await office.GetPageAsync($"/findings/inspections/{inspection}"));
        Assert.Contains("端末監査", detail);
        Assert.Contains("ワイヤーロック未固定", detail);
        Assert.Contains("離席時の画面ロック未実施", detail);
        Assert.Contains("指摘事項として対応中", WebUtility.HtmlDecode(await office.GetPageAsync(page)));

        var again = await office.PostFormAsync(page, [], $"{page}?handler=Findings&auditId={audit}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.Inspections.CountAsync(i => i.TerminalAuditId == audit)));

        var refused = await office.PostFormAsync($"/security/terminals/{loose}", [], $"/security/terminals/{loose}?handler=Findings&auditId={looseAudit}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("設置課が登録されていません", WebUtility.HtmlDecode(await office.GetPageAsync($"/security/terminals/{loose}")));

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        Assert.Contains("離席時の画面ロック未実施", WebUtility.HtmlDecode(await department.GetPageAsync("/findings")));
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var denied = await security.PostFormAsync(page, [], $"{page}?handler=Findings&auditId={audit}");
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "");
    }
}
