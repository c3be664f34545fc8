using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// Security through the API with the pages' rules: checklists from a template to a closed assessment with stale edits
/// refused, imports all or nothing with the row and column named, the server-room log, terminals and their audits,
/// drills, and the self-check with a 所管課 kept to its own department.
/// </summary>
public sealed class SecurityApiTests(AppFixture app)
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AChecklist_FromTemplateToClosedAssessment(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "security"));

        // A template file with a row that has no number: refused, the row and column named, nothing saved.
        var bad = await api.PostAsync("/api/v1/security/templates?fileName=tenken.csv&name=庁内点検",
            Csv("分類,番号,項目\n体制,1,責任者を置いている\n体制,,担当者を置いている\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = await bad.Content.ReadAsStringAsync();
        Assert.Contains("tenken.csv の 3 行目「番号」", message);
        Assert.False(await factory.AsSystemAsync((_, db) => db.ChecklistTemplates.AnyAsync(t => t.MunicipalityId == tenant.MunicipalityId)));

        var template = await ReadAsync(await api.PostAsync("/api/v1/security/templates?fileName=tenken.csv&name=庁内点検",
            Csv("分類,番号,項目\n体制,1,責任者を置いている\n体制,2,担当者を置いている\n")), HttpStatusCode.Created);
        Assert.Equal(2, template.GetProperty("items").GetArrayLength());
        var standard = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/templates/standard", new { name = "住基ネット調査表" }), HttpStatusCode.Created);
        Assert.Equal(Core.Features.Security.ChecklistTemplate.DefaultItems.Count, standard.GetProperty("items").GetArrayLength());

        var assessment = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/assessments", new { templateId = Id(template), fiscalYear = 2026 }),
            HttpStatusCode.Created);
        var answers = new[]
        {
            new { itemNumber = "1", value = 3, evidence = "規程第3条", planMeasure = (string?)null, planOwner = (string?)null, planDueOn = (string?)null },
            new { itemNumber = "2", value = 2, evidence = "名簿", planMeasure = (string?)"担当者を全課に置く", planOwner = (string?)"情報政策課", planDueOn = (string?)"令和9年3月31日" },
        };
        var first = await api.PutAsJsonAsync($"/api/v1/security/assessments/{Id(assessment)}/answers",
            new { answers, answeredOn = "令和8年11月20日", version = Version(assessment) });
        var second = await api.PutAsJsonAsync($"/api/v1/security/assessments/{Id(assessment)}/answers",
            new { answers, answeredOn = "令和8年11月21日", version = Version(assessment) });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var closed = await ReadAsync(await api.PostAsync($"/api/v1/security/assessments/{Id(assessment)}/close", null), HttpStatusCode.OK);
        Assert.Equal(2, closed.GetProperty("answers").GetArrayLength());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        var score = await ReadAsync(await api.GetAsync($"/api/v1/security/assessments/{Id(assessment)}/score"), HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, score.GetProperty("score").ValueKind);

        // An answered template keeps its items; the assessment reopens and its answers stay.
        var replace = await api.PutAsync($"/api/v1/security/templates/{Id(template)}?fileName=tenken.csv&name=庁内点検", Csv("分類,番号,項目\n体制,1,別の項目\n"));
        Assert.True(replace.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)replace.StatusCode}");
        var reopened = await ReadAsync(await api.PostAsync($"/api/v1/security/assessments/{Id(assessment)}/reopen", null), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
        Assert.Equal(2, reopened.GetProperty("answers").GetArrayLength());
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId
            && e.EntityType == "ChecklistAssessment" && e.ActorName.Contains("API トークン"))));

        // A read token cannot write, and another municipality's assessment is not there.
        using var reader = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, scope: "Read", modules: "security"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/security/assessments/{Id(assessment)}/close", null)).StatusCode);
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = Client(factory, await TokenAsync(factory, other, UserRole.Security, modules: "security"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/security/assessments/{Id(assessment)}/close", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheServerRoomLog_EntriesImportAndReasons(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "security"));
        int Count() => factory.AsSystemAsync((_, db) => db.RoomEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId)).GetAwaiter().GetResult();

        var entry = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/room/entries",
            new { enteredAt = "2026/11/20 09:30", exitedAt = "2026/11/20 10:15", kind = "ベンダー等", organization = "保守会社", name = "保守 太郎", reason = "定期点検" }),
            HttpStatusCode.Created);
        Assert.Equal("2026/11/20 09:30", entry.GetProperty("enteredAt").GetString());
        Assert.Equal("Vendor", entry.GetProperty("kind").GetString());
        var wrongTime = await api.PostAsJsonAsync("/api/v1/security/room/entries", new { enteredAt = "きのう", kind = "Staff", organization = "情報政策課", reason = "作業" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongTime.StatusCode);
        Assert.Contains("enteredAt", await wrongTime.Content.ReadAsStringAsync());

        const string header = "入室日時,退室日時,区分,所属・会社名,氏名,入室理由\n";
        var bad = await api.PostAsync("/api/v1/security/room/import?fileName=nyushitsu.csv",
            Csv(header + "2026/11/21 13:00,2026/11/21 14:00,職員,情報政策課,山田 花子,バックアップ確認\n2026/11/22 25:00,,職員,情報政策課,山田 花子,作業\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nyushitsu.csv の 3 行目「入室日時」", await bad.Content.ReadAsStringAsync());
        Assert.Equal(1, Count());
        var imported = await ReadAsync(await api.PostAsync("/api/v1/security/room/import?fileName=nyushitsu.csv",
            Csv(header + "2026/11/21 13:00,2026/11/21 14:00,職員,情報政策課,山田 花子,バックアップ確認\n2026/11/20 09:30,2026/11/20 10:15,ベンダー等,保守会社,保守 太郎,定期点検\n")),
            HttpStatusCode.OK);
        Assert.Equal(1, imported.GetProperty("imported").GetInt32());
        Assert.Equal(1, imported.GetProperty("alreadyRegistered").GetInt32());
        Assert.Equal(2, Count());

        var reason = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/room/reasons", new { name = "定期点検" }), HttpStatusCode.Created);
        var twice = await api.PostAsJsonAsync("/api/v1/security/room/reasons", new { name = "定期点検" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("すでに一覧にあります", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/security/room/reasons/{Id(reason)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/security/room/entries/{Id(entry)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/security/room/entries/{Id(entry)}")).StatusCode);
        Assert.Equal(1, Count());
        var list = await ReadAsync(await api.GetAsync("/api/v1/security/room/entries?fiscalYear=2026"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId
            && e.EntityType == "RoomEntry" && e.Action == Core.Features.Audit.AuditAction.Delete)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TerminalsDrillsAndSelfChecks(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "security"));

        var terminal = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/terminals",
            new { code = "CS-01", place = "市民課窓口", departmentId = tenant.OwnDepartmentId, manager = "市民課長", installedOn = "令和6年4月1日" }), HttpStatusCode.Created);
        Assert.Equal("2024-04-01", terminal.GetProperty("installedOn").GetString());
        var moved = await ReadAsync(await api.PutAsJsonAsync($"/api/v1/security/terminals/{Id(terminal)}",
            new { code = "CS-01", place = "市民課2番窓口", departmentId = tenant.OwnDepartmentId, manager = "市民課長", version = Version(terminal) }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/security/terminals/{Id(terminal)}",
            new { code = "CS-01", place = "元の窓口", manager = "市民課長", version = Version(terminal) })).StatusCode);
        Assert.Equal("市民課2番窓口", moved.GetProperty("place").GetString());
        var audit = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/security/terminals/{Id(terminal)}/audits",
            new { auditedOn = "2026-11-20", auditor = "情報政策課 監査担当", otherFindings = "パスワードを付箋で貼っていた", wireLockOk = false }), HttpStatusCode.Created);
        Assert.Single(audit.GetProperty("findings").EnumerateArray());

        // Taking the audit's findings into the register is the office's: the security staff's token is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/security/terminals/audits/{Id(audit)}/findings", null)).StatusCode);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "security"));
        var inspection = await ReadAsync(await office.PostAsync($"/api/v1/security/terminals/audits/{Id(audit)}/findings", null), HttpStatusCode.Created);
        Assert.True(await factory.AsSystemAsync((_, db) => db.Findings.AnyAsync(f => f.InspectionId == Id(inspection))));

        var noKind = await api.PostAsJsonAsync("/api/v1/security/drills", new { title = "標的型メール訓練", targetGroup = "全職員", heldOn = "2026-10-01", content = "模擬メール" });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Contains("kind", await noKind.Content.ReadAsStringAsync());
        var drill = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/drills",
            new { kind = "CSIRT訓練", title = "標的型メール訓練", targetGroup = "全職員", heldOn = "2026-10-01", content = "模擬メール", participantCount = 420 }), HttpStatusCode.Created);
        Assert.Equal("Csirt", drill.GetProperty("kind").GetString());

        var campaign = await ReadAsync(await api.PostAsJsonAsync("/api/v1/security/self-checks",
            new { title = "令和8年度 情報セキュリティ・セルフチェック", startOn = "2026-11-01", endOn = "2026-12-25" }), HttpStatusCode.Created);
        Assert.Single(campaign.GetProperty("sets").EnumerateArray());
        var set = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/security/self-checks/{Id(campaign)}/sets",
            new { name = "窓口職員", departmentId = tenant.OwnDepartmentId, questions = "窓口で画面を覗かれない配置にしている\n離席時に画面をロックしている｜いつも／ときどき／していない" }),
            HttpStatusCode.Created);
        Assert.Equal(2, set.GetProperty("questions").GetArrayLength());

        // A 所管課 writes its own department's 振り返り whatever department the body names.
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department, modules: "security"));
        var reflection = await ReadAsync(await department.PostAsJsonAsync($"/api/v1/security/self-checks/{Id(campaign)}/reflections",
            new { departmentId = tenant.OtherDepartmentId, note = "窓口の配置を見直す" }), HttpStatusCode.OK);
        Assert.Equal(tenant.OwnDepartmentId, reflection.GetProperty("departmentId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/v1/security/self-checks", new { title = "勝手な点検" })).StatusCode);
    }
}
