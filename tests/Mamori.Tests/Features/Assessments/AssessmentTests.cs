using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Assessments;

public sealed partial class AssessmentTests(AppFixture app)
{
    private static async Task<string> PostAsync(Browser browser, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var response = await browser.PostFormAsync(url, fields, handler is null ? null : $"{url}?handler={handler}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} {handler} → {(int)response.StatusCode}: {Errors(body)}");
        return response.Headers.Location!.OriginalString.Split('#')[0].Split('?')[0].TrimEnd('/').Split('/')[^1];
    }

    private static async Task<string> RefusedAsync(Browser browser, string url, Dictionary<string, string> fields, string handler)
    {
        var response = await browser.PostFormAsync(url, fields, $"{url}?handler={handler}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Errors(await response.Content.ReadAsStringAsync());
    }

    private static Task<string> BusinessAsync(Browser browser, Guid department, string name, long subjects, int staff, string chosen = "") =>
        PostAsync(browser, "/assessments/businesses/edit", new()
        {
            ["Input.Name"] = name,
            ["Input.DepartmentId"] = department.ToString(),
            ["Input.SubjectCount"] = subjects.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StaffHandlers"] = staff.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ContractorHandlers"] = "0",
            ["Input.ChosenLevel"] = chosen,
        });

    private static Task<string> Step(Browser browser, string assessment, string step, Dictionary<string, string> fields)
    {
        fields["Input.Step"] = step;
        return PostAsync(browser, $"/assessments/{assessment}", fields, "Step");
    }

    private static Task<string> StepRefused(Browser browser, string assessment, string step, Dictionary<string, string> fields)
    {
        fields["Input.Step"] = step;
        return RefusedAsync(browser, $"/assessments/{assessment}", fields, "Step");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FullEvaluation_IsSubmittedOnlyAfterThirtyDaysOfPublicComment_AndTheCouncilsAnswer(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var business = await BusinessAsync(office, tenant.OwnDepartmentId, "住民基本台帳に関する事務", 340_000, 120);
        var page = WebUtility.HtmlDecode(await office.GetPageAsync($"/assessments/businesses/{business}"));
        Assert.Contains("対象人数 34万人（30万人以上）のため全項目評価", page);
        Assert.Contains("全項目評価の実施（評価書がまだありません）", page);

        var id = await PostAsync(office, $"/assessments/businesses/{business}", new()
        {
            ["Start.Kind"] = "Initial",
            ["Start.TargetOn"] = Iso(Today.AddDays(200)),
            ["Start.Trigger"] = "事務の開始",
        }, "Start");
        var detail = WebUtility.HtmlDecode(await office.GetPageAsync($"/assessments/{id}"));
        foreach (var step in new[] { "評価書作成", "庁内会議", "住民意見募集", "第三者点検（審議会への諮問）", "個人情報保護委員会へ提出", "公表" })
        {
            Assert.Contains(step, detail);
        }

        await Step(office, id, "Draft", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-60)) });
        Assert.Contains("庁内会議の名称を入力してください", await StepRefused(office, id, "InternalMeeting", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-50)) }));
        await Step(office, id, "InternalMeeting", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-50)), ["Input.MeetingName"] = "マイナンバー制度セキュリティ会議" });

        // Submitting now: the public comment and the council's review are missing.
        var early = await StepRefused(office, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today) });
        Assert.Contains("住民意見募集（30日以上）を行ってから提出します", early);
        Assert.Contains("審議会へ諮問してください", early);

        // 29 days are refused; 30 days (first and last day counted) are enough.
        var shortComment = await StepRefused(office, id, "PublicComment", new()
        {
            ["Input.CommentStartOn"] = Iso(Today.AddDays(-45)),
            ["Input.CommentEndOn"] = Iso(Today.AddDays(-17)),
        });
        Assert.Contains("意見募集の期間が29日間です。30日以上にしてください", shortComment);
        Assert.Contains("意見の件数は、募集期間が終わってから記録してください", await StepRefused(office, id, "PublicComment", new()
        {
            ["Input.CommentStartOn"] = Iso(Today.AddDays(-20)),
            ["Input.CommentEndOn"] = Iso(Today.AddDays(20)),
            ["Input.CommentOpinions"] = "0",
        }));
        await Step(office, id, "PublicComment", new()
        {
            ["Input.CommentStartOn"] = Iso(Today.AddDays(-45)),
            ["Input.CommentEndOn"] = Iso(Today.AddDays(-16)),
            ["Input.CommentOpinions"] = "3",
            ["Input.CommentResponses"] = "保存期間についての意見を受け、評価書に追記した。",
        });
        Assert.Contains("審議会の第三者点検を受けてから提出します", await StepRefused(office, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today) }));

        // The office consults the council; its 答申 closes the step.
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        await PostAsync(office, $"/assessments/{id}", new() { ["councilId"] = council.ToString() }, "Consult");
        var item = await factory.AsSystemAsync((_, db) => db.Assessments.Where(a => a.Id == Guid.Parse(id)).Select(a => a.ConsultationItemId).SingleAsync());
        Assert.NotNull(item);
        var consultation = await factory.AsSystemAsync((_, db) => db.AgendaItems.SingleAsync(i => i.Id == item));
        Assert.Equal(ItemKind.Consultation, consultation.Kind);
        Assert.Equal(1, consultation.Number);
        Assert.Contains("住民基本台帳に関する事務", consultation.Title);
        Assert.Contains("審議会の答申がまだありません", await StepRefused(office, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today) }));
        Assert.Contains("第三者点検は審議会の答申で完了します", await StepRefused(office, id, "ThirdPartyReview", new() { ["Input.DoneOn"] = Iso(Today) }));

        await PostAndFollowAsync(office, $"/council/toshin/edit?itemId={item}", new()
        {
            ["Input.ItemId"] = item.ToString()!,
            ["Input.Number"] = "",
            ["Input.AnsweredOn"] = Iso(Today.AddDays(-5)),
            ["Input.Text"] = "おおむね問題ありません。",
        });
        Assert.Contains("提出日が答申日", await StepRefused(office, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-6)) }));
        await Step(office, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-3)) });
        Assert.Contains("公表日は提出日", await StepRefused(office, id, "Publication", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-4)) }));
        await Step(office, id, "Publication", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-1)), ["Input.PublishedUrl"] = "https://www.city.example.lg.jp/pia/1" });

        detail = WebUtility.HtmlDecode(await office.GetPageAsync($"/assessments/{id}"));
        Assert.Contains($"完了（{Core.Japanese.WarekiDate.Format(Today.AddDays(-1))}）", detail);
        Assert.Contains("答申第1号", detail);
        var itemPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/items/{item}"));
        Assert.Contains("住民基本台帳に関する事務　新規の評価（全項目評価）", itemPage);

        // The document: PDF or Word only, served as an attachment, public once published.
        var html = await office.PostFileAsync($"/assessments/{id}", "file", "hyokasho.html", "<script>alert(1)</script>"u8.ToArray(), $"/assessments/{id}?handler=Upload");
        Assert.Contains("PDFかWord", Errors(await html.Content.ReadAsStringAsync()));
        var upload = await office.PostFileAsync($"/assessments/{id}", "file", "全項目評価書.pdf", "%PDF-1.7 評価書"u8.ToArray(), $"/assessments/{id}?handler=Upload");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var document = await factory.AsSystemAsync((_, db) => db.AssessmentDocuments.SingleAsync(d => d.AssessmentId == Guid.Parse(id)));
        Assert.Equal(1, document.Number);
        var download = await office.GetAsync($"/assessments/documents/{document.Id}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        using var anonymous = Browser.Anonymous(factory);
        Assert.DoesNotContain("全項目評価書.pdf", WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/public/{tenant.Code}/assessments")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{tenant.Code}/assessments/documents/{document.Id}")).StatusCode);
        await PostAsync(office, $"/assessments/{id}", new() { ["documentId"] = document.Id.ToString(), ["publish"] = "true" }, "Publish");
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/public/{tenant.Code}/assessments"));
        Assert.Contains("住民基本台帳に関する事務", publicPage);
        Assert.Contains("全項目評価書.pdf", publicPage);
        var publicDownload = await anonymous.GetAsync($"/public/{tenant.Code}/assessments/documents/{document.Id}");
        Assert.Equal("attachment", publicDownload.Content.Headers.ContentDisposition?.DispositionType);

        // The dashboard as CSV for the office's own lists (Excel opens the UTF-8 BOM and Shift_JIS alike).
        var csv = await office.GetAsync("/assessments/export?encoding=sjis");
        Assert.Equal("shift_jis", csv.Content.Headers.ContentType?.CharSet);
        var csvText = Core.Csv.CsvEncodings.Cp932.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("事務,所管課,対象人数,取扱者数,しきい値判断,評価の種類", csvText, StringComparison.Ordinal);
        Assert.Contains("住民基本台帳に関する事務", csvText);
        Assert.Contains("340000", csvText);
        Assert.Contains("対象人数 34万人（30万人以上）のため全項目評価", csvText);

        // Every change is in the audit trail.
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.MunicipalityId == tenant.MunicipalityId).Select(e => e.EntityType).Distinct().ToListAsync());
        Assert.Contains(nameof(Assessment), audited);
        Assert.Contains(nameof(AssessedBusiness), audited);
        Assert.Contains(nameof(AssessmentDocument), audited);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task BasicEvaluation_NeedsNeitherPublicCommentNorCouncil_AndLevelsAreNeverLowered(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var business = await BusinessAsync(department, tenant.OwnDepartmentId, "児童手当に関する事務", 5_000, 30);
        var id = await PostAsync(department, $"/assessments/businesses/{business}", new() { ["Start.Kind"] = "Initial", ["Start.TargetOn"] = Iso(Today.AddDays(60)) }, "Start");
        var detail = WebUtility.HtmlDecode(await department.GetPageAsync($"/assessments/{id}"));
        Assert.DoesNotContain("住民意見募集", detail);
        Assert.DoesNotContain("第三者点検", detail);
        Assert.Contains("先に「評価書作成」を済ませてください", await StepRefused(department, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today) }));
        await Step(department, id, "Draft", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-3)) });
        await Step(department, id, "Submission", new() { ["Input.DoneOn"] = Iso(Today.AddDays(-1)) });
        await Step(department, id, "Publication", new() { ["Input.DoneOn"] = Iso(Today) });
        var done = await factory.AsSystemAsync((_, db) => db.Assessments.SingleAsync(a => a.Id == Guid.Parse(id)));
        Assert.Equal(PiaLevel.Basic, done.Level);
        Assert.Equal(Today, done.CompletedOn);
        Assert.Contains("実施日に未来の日付は入力できません", await StepRefused(department, id, "Draft", new() { ["Input.DoneOn"] = Iso(Today.AddDays(1)) }));

        // A lower level than the threshold is refused; a higher one may be chosen.
        var lower = await department.PostFormAsync("/assessments/businesses/edit", new()
        {
            ["Input.Name"] = "特別区民税に関する事務",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.SubjectCount"] = "340000",
            ["Input.StaffHandlers"] = "20",
            ["Input.ChosenLevel"] = "Basic",
        });
        Assert.Contains("対象人数 34万人（30万人以上）のため全項目評価です。しきい値判断より低い評価（基礎項目評価）は選べません", Errors(await lower.Content.ReadAsStringAsync()));
        var higher = await BusinessAsync(department, tenant.OwnDepartmentId, "予防接種に関する事務", 50_000, 30, "Full");
        var higherPage = WebUtility.HtmlDecode(await department.GetPageAsync($"/assessments/businesses/{higher}"));
        Assert.Contains("基礎項目評価・全項目評価", higherPage);
        Assert.Contains("任意に上位の評価を実施", higherPage);
        Assert.Contains("全項目評価より低い評価では実施できません", await RefusedAsync(department, $"/assessments/businesses/{higher}",
            new() { ["Start.Kind"] = "Initial", ["Start.Level"] = "Basic", ["Start.TargetOn"] = Iso(Today.AddDays(60)) }, "Start"));

        // A 所管課 sees its own businesses only.
        var other = await factory.AsSystemAsync(async (_, db) =>
        {
            var b = new AssessedBusiness { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, Name = "他課の事務", SubjectCount = 2_000, StaffHandlers = 5 };
            db.AssessedBusinesses.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/assessments/businesses/{other}")).StatusCode);
        Assert.DoesNotContain("他課の事務", await department.GetPageAsync("/assessments"));
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        Assert.Contains("他課の事務", await office.GetPageAsync("/assessments"));
    }
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ThresholdApiAndCommandLine_GiveTheLevelWithItsReason(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var ok = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/assessments/threshold?subjects=340000&handlers=120");
        Assert.Equal("full", ok.GetProperty("level").GetString());
        Assert.Equal(["基礎項目評価", "全項目評価"], ok.GetProperty("evaluations").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("対象人数 34万人（30万人以上）のため全項目評価", ok.GetProperty("reason").GetString());
        var bad = await office.GetAsync("/api/v1/assessments/threshold?subjects=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("対象人数", problem.GetProperty("errors").GetProperty("subjects")[0].GetString());
        Assert.Contains("取扱者数", problem.GetProperty("errors").GetProperty("handlers")[0].GetString());

        var cli = await CliProcess.RunAsync(["pia", "threshold", "--subjects", "99999", "--handlers", "499", "--serious-incident", "--json"]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Equal("focused", cli.Json.GetProperty("level").GetString());
        Assert.Equal(["基礎項目評価", "重点項目評価"], cli.Json.GetProperty("evaluations").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var none = await CliProcess.RunAsync(["pia", "threshold", "--subjects", "999", "--handlers", "600", "--json"]);
        Assert.Equal("none", none.Json.GetProperty("level").GetString());
        Assert.Equal(0, none.Json.GetProperty("evaluations").GetArrayLength());
        var usage = await CliProcess.RunAsync(["pia", "threshold", "--subjects", "1000"]);
        Assert.Equal(2, usage.ExitCode);
    }
}
