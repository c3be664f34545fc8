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

public sealed class AssessmentTests(AppFixture app)
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
    public async Task Changes_WithAFakeClock_PriorReopensAnEvaluation_PosteriorDoesNot_AndAnIncidentRaisesTheLevel(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = new DateOnly(2026, 11, 22);
        var clock = new TestClock(today);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "テスト", tenant.MunicipalityId, null, false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var business = (await AssessmentWorkflow.SaveBusinessAsync(db, null, new AssessedBusinessInput("介護保険に関する事務", tenant.OwnDepartmentId, null, 150_000, 300, 0,
            null, null, null, []), clock, default)).Value!;
        db.Assessments.Add(new Assessment
        {
            DepartmentId = tenant.OwnDepartmentId,
            BusinessId = business.Id,
            Kind = AssessmentKind.Initial,
            Level = PiaLevel.Focused,
            StartedOn = today.AddYears(-5).AddMonths(-3),
            DraftDoneOn = today.AddYears(-5).AddMonths(-2),
            MeetingDoneOn = today.AddYears(-5).AddMonths(-1),
            SubmittedOn = today.AddYears(-5).AddDays(20),
            PublishedOn = today.AddYears(-5).AddDays(30),
        });
        await db.SaveChangesAsync();

        var dashboard = await AssessmentQueries.DashboardAsync(db, today, default);
        var row = Assert.Single(dashboard);
        var five = Assert.Single(row.Position.Obligations, o => o.What.StartsWith("公表から5年を経過する前の再評価", StringComparison.Ordinal));
        Assert.Equal(today.AddDays(30), five.DueOn);
        Assert.Equal(ObligationState.DueSoon, five.State);
        // No yearly review was recorded since the publication, so that one is overdue and comes first.
        Assert.StartsWith("定期的な見直し", row.Position.Next!.What, StringComparison.Ordinal);
        Assert.Equal(ObligationState.Overdue, row.Position.Next.State);

        var posterior = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(90), "窓口の移転", "Ⅰ 基本情報 ５．個人番号の利用：事後"), clock, default);
        Assert.True(posterior.Ok, posterior.Describe());
        Assert.Null(posterior.Value!.AssessmentId);
        var refused = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(90), "ガバメントクラウドへの移行", "Ⅱ ファイルの概要"), clock, default);
        Assert.Equal("1行目「Ⅱ ファイルの概要」：「項目名：事前」または「項目名：事後」の形で書いてください。", refused.Errors["Sections"][0]);

        var prior = await AssessmentWorkflow.RecordChangeAsync(db, business.Id, new ChangeInput(today.AddDays(180), "ガバメントクラウドへの移行",
            "Ⅱ ファイルの概要 ６．特定個人情報の保管・消去：事前\nⅠ 基本情報 ４．システム：事後"), clock, default);
        Assert.True(prior.Ok, prior.Describe());
        var reopened = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == prior.Value!.AssessmentId);
        Assert.Equal(AssessmentKind.Reevaluation, reopened.Kind);
        Assert.Equal(PiaLevel.Focused, reopened.Level);
        Assert.Equal(today.AddDays(179), reopened.PublicationDueOn);
        Assert.Equal("重要な変更（事前）：ガバメントクラウドへの移行", reopened.Trigger);
        row = Assert.Single(await AssessmentQueries.DashboardAsync(db, today, default));
        Assert.Equal("再実施の評価：評価書作成", row.Position.Next!.What);

        // A serious incident a month ago: 15万人 with an incident calls for 全項目評価.
        var incident = await AssessmentWorkflow.SaveBusinessAsync(db, business.Id, new AssessedBusinessInput(business.Name, tenant.OwnDepartmentId, null, 150_000, 300, 0,
            today.AddMonths(-1), "委託先による特定個人情報の漏えい", null, [], business.Version), clock, default);
        Assert.True(incident.Ok, incident.Describe());
        row = Assert.Single(await AssessmentQueries.DashboardAsync(db, today, default));
        Assert.Equal(PiaLevel.Full, row.Position.Level);
        Assert.Contains("過去1年以内の重大事故ありのため全項目評価", row.Position.Judgment.Reason);
        Assert.Equal(PiaLevel.Focused, (await AssessmentQueries.DashboardAsync(db, today.AddYears(1), default))[0].Position.Level);
        Assert.Equal("重大事故の発生日に未来の日付は入力できません。", (await AssessmentWorkflow.SaveBusinessAsync(db, business.Id, new AssessedBusinessInput(business.Name,
            tenant.OwnDepartmentId, null, 150_000, 300, 0, today.AddDays(1), "x", null, []), clock, default)).Errors["SeriousIncidentOn"][0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GovernmentCloudMove_FourBusinessesAreReevaluatedWithTheRightLevelStepsAndDeadlines(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var clock = new TestClock(Today);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "テスト", tenant.MunicipalityId, null, false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var council = new AdvisoryCouncil { MunicipalityId = tenant.MunicipalityId, Name = "情報公開・個人情報保護審議会" };
        db.Councils.Add(council);
        await db.SaveChangesAsync();
        var cases = new (string Name, long Subjects, int Staff, int Contractors)[]
        {
            ("住民基本台帳に関する事務", 940_000, 400, 50),
            ("特別区民税・都民税の賦課徴収に関する事務", 700_000, 350, 80),
            ("介護保険に関する事務", 220_000, 420, 150),
            ("国民健康保険に関する事務", 250_000, 380, 160),
        };
        var move = Today.AddDays(200);
        var ids = new List<Guid>();
        foreach (var (name, subjects, staff, contractors) in cases)
        {
            var b = await AssessmentWorkflow.SaveBusinessAsync(db, null, new AssessedBusinessInput(name, tenant.OwnDepartmentId, null, subjects, staff, contractors, null, null, null, []), clock, default);
            Assert.True(b.Ok, b.Describe());
            Assert.Equal(PiaLevel.Full, b.Value!.EffectiveLevel(Today));
            db.Assessments.Add(new Assessment
            {
                DepartmentId = tenant.OwnDepartmentId,
                BusinessId = b.Value.Id,
                Kind = AssessmentKind.Initial,
                Level = PiaLevel.Full,
                StartedOn = Today.AddYears(-3),
                SubmittedOn = Today.AddYears(-3).AddMonths(5),
                PublishedOn = Today.AddYears(-3).AddMonths(6),
            });
            await db.SaveChangesAsync();
            var change = await AssessmentWorkflow.RecordChangeAsync(db, b.Value.Id, new ChangeInput(move, "ガバメントクラウド（標準準拠システム）への移行",
                "Ⅱ ファイルの概要 ６．特定個人情報の保管・消去：事前\nⅢ リスク対策 ７．特定個人情報の保管・消去：事前"), clock, default);
            Assert.True(change.Ok, change.Describe());
            ids.Add(change.Value!.AssessmentId!.Value);
        }
        var dashboard = await AssessmentQueries.DashboardAsync(db, Today, default);
        Assert.Equal(4, dashboard.Count);
        Assert.All(dashboard, r =>
        {
            Assert.Equal(PiaLevel.Full, r.Position.Level);
            Assert.Equal("再実施の評価：評価書作成", r.Position.Next!.What);
            Assert.Equal(move.AddDays(-1 - 180), r.Position.Next.DueOn);
        });

        var numbers = new List<int>();
        foreach (var id in ids)
        {
            async Task Ok(StepInput input)
            {
                var outcome = await AssessmentWorkflow.SaveStepAsync(db, id, input, clock, default);
                Assert.True(outcome.Ok, outcome.Describe());
            }
            await Ok(new StepInput(AssessmentStep.Draft, null, Today.AddDays(-70)));
            await Ok(new StepInput(AssessmentStep.InternalMeeting, null, Today.AddDays(-60), MeetingName: "マイナンバー制度セキュリティ会議"));
            await Ok(new StepInput(AssessmentStep.PublicComment, null, null, CommentStartOn: Today.AddDays(-50), CommentEndOn: Today.AddDays(-21), CommentOpinions: 0));
            var consulted = await AssessmentWorkflow.ConsultAsync(db, id, council.Id, clock, default);
            Assert.True(consulted.Ok, consulted.Describe());
            var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == consulted.Value!.ConsultationItemId);
            numbers.Add(item.Number!.Value);
            var refused = await AssessmentWorkflow.SaveStepAsync(db, id, new StepInput(AssessmentStep.Submission, null, Today.AddDays(-2)), clock, default);
            Assert.Contains("審議会の答申がまだありません。答申を受けてから提出してください。", refused.Errors.SelectMany(e => e.Value));
            var toshin = await CouncilWorkflow.SaveToshinAsync(db, null, new ToshinInput(item.Id, null, Today.AddDays(-10), null, "おおむね問題ありません。"), default);
            Assert.True(toshin.Ok, toshin.Describe());
            await Ok(new StepInput(AssessmentStep.Submission, null, Today.AddDays(-2)));
            await Ok(new StepInput(AssessmentStep.Publication, null, Today.AddDays(-1), PublishedUrl: "https://www.city.example.lg.jp/mynumber/pia"));
        }
        Assert.Equal([1, 2, 3, 4], numbers);
        dashboard = await AssessmentQueries.DashboardAsync(db, Today, default);
        Assert.All(dashboard, r =>
        {
            Assert.Equal(AssessmentKind.Reevaluation, r.Position.Last!.Kind);
            Assert.Equal(Today.AddDays(-1), r.Position.Last.CompletedOn);
            Assert.Empty(r.Position.Open);
            Assert.Equal(ObligationState.Planned, r.Position.Next!.State);
        });
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
