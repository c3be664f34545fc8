using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Reviews.ReviewApi;

namespace Mamori.Tests.Features.Reviews;

/// <summary>A review round run end to end, shaped like a real one: eight businesses, nineteen self-inspections, numbered (20)–(27).</summary>
public sealed class ReviewRoundTests(AppFixture app)
{
    private const string Scrutiny = "自己点検において記載する内容の精査";
    private const string Unrelated = "(参考)個人情報保護に関連しない質問・意見";
    private const string Other = "その他";
    private const string NoneNeeded = "対応不要（部会からの意見等なしを含む）";
    private const string FormFix = "個人情報登録票等帳票（自己点検表含む）の修正";
    private const string Improvement = "業務の改善";

    private sealed record Question(string[] Categories, string? OtherTopic = null, string? AnswerResponse = null);

    private sealed record CaseSpec(string Business, bool Own, string[] Types, Question[] Questions, string[] CaseResponses, string Result,
        bool Sensitive = false, bool Ordinance = false, string? ImprovementBy = null, bool Opinion = false);

    private static readonly CaseSpec[] Cases =
    [
        new("身体障害者通所施設施設利用に関する業務", false, ["保有", "外部委託"], [], [NoneNeeded], "承認"),
        new("災害時透析医療救護に関する業務", false, ["Holding", "ExternalProvision", "ComputerInput"],
            [new([Scrutiny]), new([Unrelated]), new([Other], "個人情報の外部提供先", FormFix)], [], "承認", Sensitive: true),
        new("戸籍の附票に関する業務", true, ["外部提供", "電算入力", "外部結合"],
            [new([Scrutiny, Other], "個人情報の収集方法"), new([Scrutiny])], [FormFix], "意見を付して承認", Opinion: true),
        new("戸籍に関する業務", true, ["電算入力", "外部結合"], [new([Scrutiny])], [FormFix], "承認"),
        new("国民健康保険被保険者資格賦課・収納に関する業務", false, ["保有", "外部委託", "目的外利用", "電算入力"],
            [new([Scrutiny, Other], "個人情報の収集方法")], [NoneNeeded], "承認", Ordinance: true),
        new("障害者自立支援給付に関する業務", false, ["外部委託", "電算入力"], [new([Scrutiny, Unrelated])], [NoneNeeded], "承認"),
        new("杉並子育て応援券に関する業務", false, ["電算入力", "外部結合"],
            [new([Scrutiny, Unrelated]), new([Other], "システムの運用")], [FormFix, Improvement], "承認", ImprovementBy: "区以外（委託先等）"),
        new("区立公園の指定管理", false, ["指定管理"], [], [NoneNeeded], "承認"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Round_EightCases_MatrixHasExactlyTheEnteredClassifications_AndCountsPerType(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await factory.AsSystemAsync(async (_, db) =>
        {
            var m = await db.Municipalities.FirstAsync(x => x.Id == tenant.MunicipalityId);
            m.OrdinanceSensitiveCategories = "国籍\nDV";
            return await db.SaveChangesAsync();
        });
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);

        var roundId = await RoundAsync(office, "令和5年度第3回", firstCaseNumber: 20);
        var caseIds = new List<string>();
        foreach (var spec in Cases)
        {
            var who = spec.Own ? dept : office;
            var business = await BusinessAsync(who, spec.Own ? tenant.OwnDepartmentId : tenant.OtherDepartmentId, spec.Business, spec.Types);
            var created = await CaseAsync(who, roundId, business, $"{spec.Business}について自己点検を行った。", spec.Types);
            Assert.Equal("作成中", created.GetProperty("statusName").GetString());
            await FillAllAsync(who, created.Id(), spec.Sensitive, spec.Ordinance ? ["国籍"] : null);
            var submitted = await SubmitAsync(who, created.Id());
            Assert.Equal(20 + caseIds.Count, submitted.GetProperty("number").GetInt32());
            caseIds.Add(created.Id());
        }

        // A ninth business withdraws after submitting: its number (28) stays taken and it counts nowhere.
        var withdrawnBusiness = await BusinessAsync(office, tenant.OtherDepartmentId, "取り下げた業務", "外部委託");
        var withdrawn = await CaseAsync(office, roundId, withdrawnBusiness, "取り下げる案件", "外部委託");
        await FillAllAsync(office, withdrawn.Id());
        Assert.Equal(28, (await SubmitAsync(office, withdrawn.Id())).GetProperty("number").GetInt32());
        await Json(await office.Client.PostAsync($"/api/v1/reviews/cases/{withdrawn.Id()}/withdraw", null), HttpStatusCode.OK);

        // Before the report a 所管課 sees only its own department's submissions.
        var seenByDept = await Json(await dept.GetAsync($"/api/v1/reviews/rounds/{roundId}"), HttpStatusCode.OK);
        Assert.Equal([22, 23], seenByDept.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/api/v1/reviews/cases/{caseIds[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dept.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{caseIds[0]}/entries",
            new { kind = "Answer", text = "他課の案件への回答" })).StatusCode);
        Assert.DoesNotContain("身体障害者通所施設", await dept.GetPageAsync($"/reviews/rounds/{roundId}"));

        // Results cannot be recorded while the round is still collecting cases.
        var early = await Json(await office.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{caseIds[0]}/result", new { result = "承認" }), HttpStatusCode.BadRequest);
        Assert.Contains("締め切ってから", early.ToString());
        await StatusAsync(office, roundId, "Closed");

        for (var i = 0; i < Cases.Length; i++)
        {
            var spec = Cases[i];
            foreach (var (q, n) in spec.Questions.Select((q, n) => (q, n)))
            {
                var questionId = await EntryAsync(office, caseIds[i], new { kind = "質問", text = $"質問{n + 1}について", categories = q.Categories, otherTopic = q.OtherTopic });
                var answerer = spec.Own ? dept : office;
                await EntryAsync(answerer, caseIds[i], new { kind = "Answer", text = $"回答{n + 1}", replyToId = questionId, response = q.AnswerResponse });
            }
            if (spec.Opinion)
            {
                await EntryAsync(office, caseIds[i], new { kind = "意見", text = "必要に応じて記載内容の整理をすること。", categories = new[] { Scrutiny } });
            }
            if (i == 0)
            {
                // Reporting is refused while a case has no result, naming the case.
                await StatusAsync(office, roundId, "Closed");
                var refused = await Json(await office.Client.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/status", new { status = "Reported" }), HttpStatusCode.Conflict);
                Assert.Contains("（20）身体障害者通所施設施設利用に関する業務", refused.ToString());
            }
            await Json(await office.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{caseIds[i]}/result", new
            {
                result = spec.Result,
                responses = spec.CaseResponses,
                improvementBy = spec.ImprovementBy,
            }), HttpStatusCode.OK);
        }
        await EntryAsync(office, caseIds[2], new { kind = "部会後の処理", text = "自己点検表⑤のバックアップに関連する記載について、表現を統一した。" });

        var matrix = await Json(await office.GetAsync($"/api/v1/reviews/rounds/{roundId}/matrix"), HttpStatusCode.OK);
        Assert.Equal([20, 21, 22, 23, 24, 25, 26, 27], matrix.GetProperty("caseNumbers").EnumerateArray().Select(n => n.GetInt32()));
        var actual = matrix.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("cases").EnumerateArray().Select(c => $"{r.GetProperty("label").GetString()}|{c.GetInt32()}"))
            .Order().ToList();
        var expected = new HashSet<string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var number = 20 + i;
            var spec = Cases[i];
            foreach (var q in spec.Questions)
            {
                expected.UnionWith(q.Categories.Select(c => $"{c}|{number}"));
                if (q.OtherTopic is not null)
                {
                    expected.Add($"{q.OtherTopic}|{number}");
                }
                if (q.AnswerResponse is not null)
                {
                    expected.Add($"{q.AnswerResponse}|{number}");
                }
            }
            if (spec.Opinion)
            {
                expected.Add($"{Scrutiny}|{number}");
            }
            expected.UnionWith(spec.CaseResponses.Select(r => $"{r}|{number}"));
            if (spec.ImprovementBy is not null)
            {
                expected.Add($"{spec.ImprovementBy}|{number}");
            }
        }
        Assert.Equal(expected.Order().ToList(), actual);
        Assert.Equal(["個人情報の外部提供先", "個人情報の収集方法", "システムの運用"],
            matrix.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("group").GetString() == "その他の内容").Select(r => r.GetProperty("label").GetString()));

        // Counts per type for the fiscal year: a case with several types counts once for each.
        var counts = await Json(await office.GetAsync("/api/v1/reviews/counts?from=令和5年4月1日&to=2024-03-31"), HttpStatusCode.OK);
        Assert.Equal(8, counts.GetProperty("cases").GetInt32());
        Assert.Equal(19, counts.GetProperty("inspections").GetInt32());
        var byType = counts.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("type").GetString()!,
            t => (t.GetProperty("count").GetInt32(), t.GetProperty("sensitive").GetInt32(), t.GetProperty("ordinanceSensitive").GetInt32()));
        Assert.Equal((3, 1, 1), byType["Holding"]);
        Assert.Equal((3, 0, 1), byType["Outsourcing"]);
        Assert.Equal((1, 0, 0), byType["DesignatedManagement"]);
        Assert.Equal((0, 0, 0), byType["WorkerDispatch"]);
        Assert.Equal((1, 0, 1), byType["OutOfPurposeUse"]);
        Assert.Equal((2, 1, 0), byType["ExternalProvision"]);
        Assert.Equal((6, 1, 1), byType["ComputerInput"]);
        Assert.Equal((3, 0, 0), byType["ExternalConnection"]);
        var nextYear = await Json(await office.GetAsync("/api/v1/reviews/counts?from=2024-04-01&to=2025-03-31"), HttpStatusCode.OK);
        Assert.Equal(0, nextYear.GetProperty("inspections").GetInt32());

        // After the report every department reads the whole round, with its report and 別表.
        await StatusAsync(office, roundId, "Reported");
        var afterReport = await Json(await dept.GetAsync($"/api/v1/reviews/rounds/{roundId}"), HttpStatusCode.OK);
        Assert.Equal(9, afterReport.GetProperty("cases").GetArrayLength());
        var other = await Json(await dept.GetAsync($"/api/v1/reviews/cases/{caseIds[1]}"), HttpStatusCode.OK);
        Assert.Equal(3, other.GetProperty("entries").GetArrayLength() / 2);
        var report = await dept.GetPageAsync($"/reviews/rounds/{roundId}/report");
        Assert.Contains("【報告】身体障害者通所施設施設利用に関する業務", report);
        Assert.Contains("…（21）", report);
        Assert.Contains("自己点検内容の妥当性について承認", report);
        Assert.Contains("手続申込のあった業務数", report);
        var deptMatrix = await Json(await dept.GetAsync($"/api/v1/reviews/rounds/{roundId}/matrix"), HttpStatusCode.OK);
        Assert.Equal(matrix.GetProperty("rows").ToString(), deptMatrix.GetProperty("rows").ToString());
        var xlsx = await office.GetAsync($"/reviews/rounds/{roundId}/export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == "CaseEntry"));
        Assert.True(audited >= 20, $"監査ログ {audited} 件");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Submit_MissingAnswers_IsRefusedWithTheListOfQuestions_AndChangesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var roundId = await RoundAsync(office, "令和6年度第1回");
        var business = await BusinessAsync(dept, tenant.OwnDepartmentId, "住民基本台帳事務", "保有", "外部委託");
        var created = await CaseAsync(dept, roundId, business, "新規の外部委託について自己点検を行った。", "保有", "外部委託");

        // Only the first question of 保有 is answered; 外部委託 allows re-consignment without the two checks.
        var holding = created.GetProperty("inspections")[0];
        await Json(await dept.Client.PutAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/inspections/Holding", new
        {
            answers = new Dictionary<string, string> { [holding.GetProperty("questions")[0].GetProperty("key").GetString()!] = "住民基本台帳法に基づく" },
        }), HttpStatusCode.OK);
        await Json(await dept.Client.PutAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/inspections/外部委託", new
        {
            details = new { contractor = "株式会社まもり", periodFrom = "2024-04-01", subcontractAllowed = true, subcontractor = "再委託先株式会社" },
        }), HttpStatusCode.OK);

        var refused = await Json(await dept.Client.PostAsync($"/api/v1/reviews/cases/{created.Id()}/submit", null), HttpStatusCode.BadRequest);
        var missing = refused.GetProperty("errors").GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains("自己点検表①（保有） 問2「保有する個人情報は、利用目的の達成に必要な範囲に限られているか」", missing);
        Assert.DoesNotContain(missing, m => m.Contains("問1", StringComparison.Ordinal) && m.Contains("保有", StringComparison.Ordinal));
        Assert.Contains("自己点検表②（外部委託） 再委託先の責任体制（人員体制）の確認", missing);
        Assert.Contains("自己点検表②（外部委託） 再委託先の安全管理措置の具体的な取組（研修等）の確認", missing);
        Assert.Contains("回答されていない項目", refused.GetProperty("errors").GetProperty("")[0].GetString());
        var after = await Json(await dept.GetAsync($"/api/v1/reviews/cases/{created.Id()}"), HttpStatusCode.OK);
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("number").ValueKind);

        // The page shows the same list.
        var page = await dept.GetPageAsync($"/reviews/cases/{created.Id()}");
        Assert.Contains("再委託先の責任体制（人員体制）の確認", page);

        await FillAllAsync(dept, created.Id());
        Assert.Equal(1, (await SubmitAsync(dept, created.Id())).GetProperty("number").GetInt32());
        var locked = await Json(await dept.Client.PutAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/inspections/Holding", new { answers = new { } }), HttpStatusCode.Conflict);
        Assert.Contains("提出した自己点検表は変更できません", locked.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Template_ChangedAfterAnswers_OldAnswersKeepTheOldWording(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var roundId = await RoundAsync(office, "令和6年度第2回");
        var business = await BusinessAsync(dept, tenant.OwnDepartmentId, "戸籍事務", "電算入力");
        var first = await CaseAsync(dept, roundId, business, "電算入力項目の追加", "電算入力");
        await FillAllAsync(dept, first.Id());
        await SubmitAsync(dept, first.Id());

        // Reading a template that was never changed shows the defaults and writes nothing (an auditor reads, never writes).
        using (var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor))
        {
            var defaults = await Json(await auditor.GetAsync("/api/v1/reviews/templates/保有"), HttpStatusCode.OK);
            Assert.Equal(1, defaults.GetProperty("number").GetInt32());
            Assert.True(defaults.GetProperty("questions").GetArrayLength() > 0);
            var stored = await factory.AsSystemAsync((_, db) => db.InspectionTemplates.CountAsync(t => t.MunicipalityId == tenant.MunicipalityId
                && t.Type == Mamori.Core.Features.Reviews.HandlingType.Holding));
            Assert.Equal(0, stored);
        }

        var template = await Json(await office.GetAsync("/api/v1/reviews/templates/ComputerInput"), HttpStatusCode.OK);
        Assert.Equal(1, template.GetProperty("number").GetInt32());
        var questions = template.GetProperty("questions").EnumerateArray().Select(q => new
        {
            key = q.GetProperty("key").GetString(),
            text = q.GetProperty("text").GetString(),
            kind = q.GetProperty("kind").GetString(),
            required = q.GetProperty("required").GetBoolean(),
        }).ToList();
        var oldWording = questions[1].text;
        questions[1] = questions[1] with { text = "アクセス権限を業務に必要な職員に限り、年1回以上見直しているか" };
        questions.Add(new { key = (string?)null, text = (string?)"ログを分析する頻度", kind = (string?)"Text", required = true });
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.Client.PutAsJsonAsync("/api/v1/reviews/templates/ComputerInput", new { questions })).StatusCode);
        var saved = await Json(await office.Client.PutAsJsonAsync("/api/v1/reviews/templates/ComputerInput", new { questions }), HttpStatusCode.OK);
        Assert.Equal(2, saved.GetProperty("number").GetInt32());
        Assert.Equal("C5", saved.GetProperty("questions")[4].GetProperty("key").GetString());

        // The submitted self-inspection still reads with version 1's wording and its answers.
        var old = await Json(await dept.GetAsync($"/api/v1/reviews/cases/{first.Id()}"), HttpStatusCode.OK);
        var oldForm = old.GetProperty("inspections")[0];
        Assert.Equal(1, oldForm.GetProperty("templateNumber").GetInt32());
        Assert.Equal(oldWording, oldForm.GetProperty("questions")[1].GetProperty("text").GetString());
        Assert.Equal("はい", oldForm.GetProperty("questions")[1].GetProperty("answer").GetString());
        Assert.Equal(4, oldForm.GetProperty("questions").GetArrayLength());
        Assert.Contains(oldWording!, await dept.GetPageAsync($"/reviews/cases/{first.Id()}/inspection/ComputerInput"));

        // A new case is answered against version 2.
        var second = await CaseAsync(dept, roundId, business, "ログ分析の追加", "電算入力");
        var newForm = second.GetProperty("inspections")[0];
        Assert.Equal(2, newForm.GetProperty("templateNumber").GetInt32());
        Assert.Equal("アクセス権限を業務に必要な職員に限り、年1回以上見直しているか", newForm.GetProperty("questions")[1].GetProperty("text").GetString());
        Assert.Equal(5, newForm.GetProperty("questions").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Department_OnlyAnswers_AndOnlyItsOwnBusinesses(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var othersBusiness = await BusinessAsync(office, tenant.OtherDepartmentId, "情報システム運用事務", "電算入力");
        var foreign = await Json(await dept.Client.PostAsJsonAsync("/api/v1/reviews/businesses",
            new { name = "他課の事務", departmentId = tenant.OtherDepartmentId, types = new[] { "保有" } }), HttpStatusCode.BadRequest);
        Assert.Contains("自分の課の事務だけ", foreign.ToString());
        var noTypes = await Json(await dept.Client.PostAsJsonAsync("/api/v1/reviews/businesses",
            new { name = "類型なしの事務", departmentId = tenant.OwnDepartmentId, types = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.Contains("取扱類型を1つ以上", noTypes.ToString());
        var badType = await Json(await dept.Client.PostAsJsonAsync("/api/v1/reviews/businesses",
            new { name = "誤った類型", departmentId = tenant.OwnDepartmentId, types = new[] { "外部委託する" } }), HttpStatusCode.BadRequest);
        Assert.Contains("外部委託（Outsourcing）", badType.ToString());
        var list = await Json(await dept.GetAsync("/api/v1/reviews/businesses"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), b => b.Id() == othersBusiness);

        var roundId = await RoundAsync(office, "令和6年度第3回");
        var own = await BusinessAsync(dept, tenant.OwnDepartmentId, "印鑑登録事務", "保有");
        var created = await CaseAsync(dept, roundId, own, "保有項目の追加", "保有");
        await FillAllAsync(dept, created.Id());
        await SubmitAsync(dept, created.Id());
        var question = await EntryAsync(office, created.Id(), new { kind = "Question", text = "保有期間の根拠は何か。", categories = new[] { "個人情報を保有する期間" } });

        // On the page, a question classified その他 without its topic comes back with the message and what was typed.
        var unclassified = await office.PostFormAsync($"/reviews/cases/{created.Id()}", new()
        {
            ["Kind"] = "Question",
            ["Text"] = "収集方法の根拠は何か。",
            ["Categories"] = "Other",
        }, $"/reviews/cases/{created.Id()}?handler=Entry");
        Assert.Equal(HttpStatusCode.OK, unclassified.StatusCode);
        var shown = System.Net.WebUtility.HtmlDecode(await unclassified.Content.ReadAsStringAsync());
        Assert.Contains("「その他」を選んだときは", shown);
        Assert.Contains(">収集方法の根拠は何か。</textarea>", shown);
        Assert.Contains("id=\"new-cat-Other\" checked=\"checked\"", shown);

        var asking = await Json(await dept.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/entries", new { kind = "Question", text = "所管課からの質問" }), HttpStatusCode.BadRequest);
        Assert.Contains("所管課は質問への回答だけ", asking.ToString());
        var noTarget = await Json(await dept.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/entries", new { kind = "Answer", text = "回答" }), HttpStatusCode.BadRequest);
        Assert.Contains("どの質問への回答か", noTarget.ToString());
        Assert.Contains("保有期間の根拠は何か。", await dept.GetPageAsync("/reviews"));
        await EntryAsync(dept, created.Id(), new { kind = "Answer", text = "文書管理規程による。", replyToId = question });
        Assert.DoesNotContain("保有期間の根拠は何か。", await dept.GetPageAsync("/reviews"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.Client.PostAsJsonAsync($"/api/v1/reviews/cases/{created.Id()}/result", new { result = "承認" })).StatusCode);

        // A case still being written: its types change on the page (forms of removed types go), and deleting it leaves no trace in the round.
        var draft = await CaseAsync(dept, roundId, own, "下書き", "保有");
        var changed = await dept.PostFormAsync($"/reviews/cases/{draft.Id()}", new()
        {
            ["Types"] = "ExternalProvision",
            ["Summary"] = "外部提供を始めるに当たり自己点検を行った。",
        }, $"/reviews/cases/{draft.Id()}?handler=Draft");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var redrafted = await Json(await dept.GetAsync($"/api/v1/reviews/cases/{draft.Id()}"), HttpStatusCode.OK);
        Assert.Equal(["ExternalProvision"], redrafted.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        Assert.Equal("外部提供を始めるに当たり自己点検を行った。", redrafted.GetProperty("summary").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await dept.Client.PostAsync($"/api/v1/reviews/cases/{draft.Id()}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/api/v1/reviews/cases/{draft.Id()}")).StatusCode);
        var round = await Json(await office.GetAsync($"/api/v1/reviews/rounds/{roundId}"), HttpStatusCode.OK);
        Assert.Equal(1, round.GetProperty("cases").GetArrayLength());
    }
}

