using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Advisories;
using Mamori.Core.Features.Notices;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Systems;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Advisories;

/// <summary>
/// A vendor's advisory is given to the systems it concerns and to a department, each 所管課 records its own check with
/// evidence (and cannot touch another's), the notice closes only when every check has a result, is reported to the
/// council, and stays searchable after it closes.
/// </summary>
public sealed class AdvisoryTests(AppFixture app)
{
    private static MultipartFormDataContent Result(string outcome, string? note, string doneOn, Guid version, string? file = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(outcome), "outcome" }, { new StringContent(doneOn), "doneOn" }, { new StringContent(version.ToString()), "version" } };
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }
        if (file is not null)
        {
            form.Add(new ByteArrayContent("%PDF-1.4 点検記録"u8.ToArray()), "file", file);
        }
        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAdvisory_CheckedByEachDepartmentWithEvidence_ClosedAndReported(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var (own, other) = await factory.AsSystemAsync(async (_, db) =>
        {
            var a = new BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, Name = "住民記録システム" };
            var b = new BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, Name = "税務システム" };
            db.BusinessSystems.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));

        var vendorWithoutName = await office.PostAsJsonAsync("/api/v1/advisories", new { source = "事業者", issuedOn = "令和8年11月10日", title = "証明書の誤交付", requirement = "点検" });
        Assert.Equal(HttpStatusCode.BadRequest, vendorWithoutName.StatusCode);
        Assert.Contains("sourceName", await vendorWithoutName.Content.ReadAsStringAsync());
        // The deadline may be the day of issue, never before it.
        var dueBefore = await office.PostAsJsonAsync("/api/v1/advisories", new { source = "総務省", issuedOn = "2026-11-10", dueOn = "2026-11-09", title = "照会", requirement = "回答" });
        Assert.Equal(HttpStatusCode.BadRequest, dueBefore.StatusCode);
        Assert.Contains("dueOn", await dueBefore.Content.ReadAsStringAsync());
        await ReadAsync(await office.PostAsJsonAsync("/api/v1/advisories", new { source = "Soumu", issuedOn = "2026-11-10", dueOn = "2026-11-10", title = "照会", requirement = "回答" }),
            HttpStatusCode.Created);
        var advisory = await ReadAsync(await office.PostAsJsonAsync("/api/v1/advisories", new
        {
            source = "Vendor",
            sourceName = "株式会社まもりシステム",
            number = "MS-2026-031",
            issuedOn = "令和8年11月10日",
            title = "コンビニ交付での他人の証明書の誤交付について",
            requirement = "自団体の設定を点検し、修正プログラムの適用を確認すること。",
            dueOn = "令和8年11月30日",
        }), HttpStatusCode.Created);
        var id = Id(advisory);
        var assigned = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/advisories/{id}/tasks",
            new { systemIds = new[] { own, other }, departmentIds = new[] { tenant.OwnDepartmentId } }), HttpStatusCode.OK);
        Assert.Equal(3, assigned.GetProperty("tasks").GetArrayLength());
        var again = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/advisories/{id}/tasks", new { systemIds = new[] { own } }), HttpStatusCode.OK);
        Assert.Equal(3, again.GetProperty("tasks").GetArrayLength());

        // The 所管課 sees its own two checks only; another department's check is not found.
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));
        var mine = (await ReadAsync(await department.GetAsync($"/api/v1/advisories/{id}"), HttpStatusCode.OK)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, t => Assert.Equal(tenant.OwnDepartmentId, t.GetProperty("departmentId").GetGuid()));
        var othersTask = await factory.AsSystemAsync((_, db) => db.AdvisoryTasks.Where(t => t.AdvisoryId == id && t.SystemId == other).Select(t => new { t.Id, t.Version }).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsync($"/api/v1/advisories/tasks/{othersTask.Id}/result",
            Result("Checked", null, "2026-11-20", othersTask.Version, "tenken.pdf"))).StatusCode);

        var systemTask = mine.Single(t => t.GetProperty("systemId").ValueKind != System.Text.Json.JsonValueKind.Null);
        var departmentTask = mine.Single(t => t.GetProperty("systemId").ValueKind == System.Text.Json.JsonValueKind.Null);
        var noEvidence = await department.PostAsync($"/api/v1/advisories/tasks/{Id(systemTask)}/result", Result("修正プログラム適用確認", null, "2026-11-20", Version(systemTask)));
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("証跡", await noEvidence.Content.ReadAsStringAsync());
        var tomorrow = await department.PostAsync($"/api/v1/advisories/tasks/{Id(systemTask)}/result", Result("PatchConfirmed", null, "2026-11-27", Version(systemTask), "patch.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("今日より後", await tomorrow.Content.ReadAsStringAsync());
        var patched = await ReadAsync(await department.PostAsync($"/api/v1/advisories/tasks/{Id(systemTask)}/result",
            Result("PatchConfirmed", "11月18日に適用、設定を確認", "2026-11-26", Version(systemTask), "patch.pdf")), HttpStatusCode.OK);
        Assert.Equal("patch.pdf", patched.GetProperty("evidenceName").GetString());
        var noReason = await department.PostAsync($"/api/v1/advisories/tasks/{Id(departmentTask)}/result", Result("NotApplicable", null, "2026-11-20", Version(departmentTask)));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", await noReason.Content.ReadAsStringAsync());
        await ReadAsync(await department.PostAsync($"/api/v1/advisories/tasks/{Id(departmentTask)}/result",
            Result("対象外", "窓口の端末ではコンビニ交付の設定を扱わない", "2026-11-20", Version(departmentTask))), HttpStatusCode.OK);

        // One check is still open: closing waits for it.
        var early = await office.PostAsJsonAsync($"/api/v1/advisories/{id}/close", new { close = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("結果が記録されていない点検が1件", await early.Content.ReadAsStringAsync());
        // The office may record a check for a department (a result reported on paper).
        await ReadAsync(await office.PostAsync($"/api/v1/advisories/tasks/{othersTask.Id}/result",
            Result("Checked", "設定に問題なし", "2026-11-21", othersTask.Version, "zei.pdf")), HttpStatusCode.OK);
        var closed = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/advisories/{id}/close", new { close = true }), HttpStatusCode.OK);
        Assert.Equal("2026-11-26", closed.GetProperty("closedOn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await department.PostAsync($"/api/v1/advisories/tasks/{Id(departmentTask)}/result",
            Result("Checked", null, "2026-11-20", Version(departmentTask), "late.pdf"))).StatusCode);

        // Reported to the council as an unnumbered 報告 with the results; once only.
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await Council.CouncilPages.CouncilAsync(browser, "個人情報保護審議会");
        var reported = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/advisories/{id}/council-report", new { councilId }), HttpStatusCode.OK);
        var itemId = reported.GetProperty("councilItemId").GetGuid();
        var item = await factory.AsSystemAsync((_, db) => db.AgendaItems.FirstAsync(i => i.Id == itemId));
        Assert.Equal(Core.Features.Council.ItemKind.Report, item.Kind);
        Assert.Contains("コンビニ交付での他人の証明書の誤交付について", item.Title);
        Assert.Contains("点検 3件（対象外 1件、点検済 1件、修正プログラム適用確認 1件）", item.About);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/advisories/{id}/council-report", new { councilId })).StatusCode);

        // Closed notices stay searchable; the page lists it with its progress, and the audit trail names the changes.
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/advisories?state=all&q=誤交付"));
        Assert.Contains("コンビニ交付での他人の証明書の誤交付について", page);
        Assert.Contains("3 / 3", page);
        Assert.DoesNotContain("コンビニ交付", WebUtility.HtmlDecode(await browser.GetPageAsync("/advisories")));
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == "AdvisoryTask")));
        var another = await TestTenant.CreateAsync(factory);
        using var stranger = Client(factory, await TokenAsync(factory, another, UserRole.Office));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/advisories/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Terminals_AreCheckedByTheirDepartment_WhichIsToldWhenGivenTheCheck_AndAsTheDeadlineComes(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var (placed, unplaced, removed) = await factory.AsSystemAsync(async (_, db) =>
        {
            Terminal T(string code, Guid? department, DateOnly? removedOn = null) => new()
            {
                MunicipalityId = tenant.MunicipalityId,
                Code = code,
                Place = "戸籍住民課 窓口",
                DepartmentId = department,
                Manager = "端末 管理",
                RemovedOn = removedOn,
            };
            var (a, b, c) = (T("T-01", tenant.OwnDepartmentId), T("T-02", null), T("T-03", tenant.OwnDepartmentId, new DateOnly(2025, 3, 31)));
            db.Terminals.AddRange(a, b, c);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        var due = factory.Today.AddDays(10);
        var id = Id(await ReadAsync(await office.PostAsJsonAsync("/api/v1/advisories", new
        {
            source = "Jlis",
            number = "地情機第123号",
            issuedOn = factory.Today.ToString("yyyy-MM-dd"),
            title = "統合端末のOS更新について",
            requirement = "各統合端末に更新プログラムが適用されたことを確認すること。",
            dueOn = due.ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created));

        // A terminal without its 設置課 has nobody to check it; a removed one is not offered.
        var nobody = await office.PostAsJsonAsync($"/api/v1/advisories/{id}/tasks", new { terminalIds = new[] { unplaced } });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("統合端末 T-02 に設置課が登録されていません", await nobody.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/advisories/{id}/tasks", new { terminalIds = new[] { removed } })).StatusCode);
        var given = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/advisories/{id}/tasks", new { terminalIds = new[] { placed } }), HttpStatusCode.OK);
        var task = Assert.Single(given.GetProperty("tasks").EnumerateArray());
        Assert.Equal((placed, tenant.OwnDepartmentId), (task.GetProperty("terminalId").GetGuid(), task.GetProperty("departmentId").GetGuid()));

        // The 所管課 is told when given the check, then 7 days before the deadline (not 8), the day before, on it and after it.
        var departmentUser = await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == tenant.UserName(UserRole.Department)).Select(u => u.Id).SingleAsync());
        async Task<DueItem?> OnAsync(DateOnly day) => (await Systems.SystemTests.InTenantAsync(factory, tenant,
            db => DueItems.ReadAsync(db, tenant.MunicipalityId, day, DateTime.UtcNow, default))).SingleOrDefault(i => i.Rule == NoticeRule.AdvisoryCheck);
        var told = await OnAsync(factory.Today);
        Assert.Equal(("assigned", $"/advisories/{id}"), (told!.Occasion, told.Link));
        Assert.Equal([departmentUser], told.Recipients);
        Assert.Contains("統合端末のOS更新について", told.What);
        Assert.Equal("assigned", (await OnAsync(due.AddDays(-8)))!.Occasion);
        Assert.Equal("d7", (await OnAsync(due.AddDays(-7)))!.Occasion);
        Assert.Equal("d1", (await OnAsync(due.AddDays(-1)))!.Occasion);
        Assert.Equal("d0", (await OnAsync(due))!.Occasion);
        Assert.Equal("overdue", (await OnAsync(due.AddDays(1)))!.Occasion);

        // Once the result is recorded, nobody is told any more.
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));
        await ReadAsync(await department.PostAsync($"/api/v1/advisories/tasks/{Id(task)}/result",
            Result("PatchConfirmed", "T-01 に適用済み", factory.Today.ToString("yyyy-MM-dd"), Version(task), "t01.pdf")), HttpStatusCode.OK);
        Assert.Null(await OnAsync(due.AddDays(1)));
    }
}
