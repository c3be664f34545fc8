using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Findings;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Security;

/// <summary>The security staff's registers as they are kept by hand: terminals and their audits, the CS room's reasons, drills.</summary>
public sealed class RegistryTests(AppFixture app)
{
    private static async Task<string> RefusedAsync(Browser browser, string url, Dictionary<string, string> fields, string? action = null)
    {
        var response = await browser.PostFormAsync(url, fields, action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Terminal_AuditsMoveTheWireLockDateForwardOnly_AContradictionIsRefused_AndTheOfficeTakesFindingsOverOnce(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var terminal = new Dictionary<string, string>
        {
            ["Input.Code"] = "T-101",
            ["Input.Place"] = "本庁舎1階 戸籍住民課窓口",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Manager"] = "戸籍住民課長",
            ["Input.WireLockCheckedOn"] = "2026-04-01",
        };
        var id = Guid.Parse(await PostAndFollowAsync(security, "/security/terminals/edit", terminal));
        Assert.Contains("端末番号 T-101 はすでに登録されています", await RefusedAsync(security, "/security/terminals/edit", terminal));

        var page = $"/security/terminals/{id}";
        Task<DateOnly?> WireLock() => factory.AsSystemAsync((_, db) => db.Terminals.Where(t => t.Id == id).Select(t => t.WireLockCheckedOn).SingleAsync());
        await PostAndFollowAsync(security, page, new() { ["Input.AuditedOn"] = "令和8年10月1日", ["Input.Auditor"] = "情報政策課 監査担当", ["Input.WireLockOk"] = "true" });
        Assert.Equal(new DateOnly(2026, 10, 1), await WireLock());
        // An older audit entered later does not move the date back.
        await PostAndFollowAsync(security, page, new() { ["Input.AuditedOn"] = "2026-06-01", ["Input.Auditor"] = "情報政策課 監査担当", ["Input.WireLockOk"] = "true" });
        Assert.Equal(new DateOnly(2026, 10, 1), await WireLock());
        Assert.Contains("どちらかにしてください", await RefusedAsync(security, page, new()
        {
            ["Input.AuditedOn"] = "2026-11-02",
            ["Input.Auditor"] = "監査担当",
            ["Input.WireLockOk"] = "true",
            ["Input.Findings"] = "ワイヤーロック未固定",
        }));
        await PostAndFollowAsync(security, page, new()
        {
            ["Input.AuditedOn"] = "2026-11-02",
            ["Input.Auditor"] = "情報政策課 監査担当",
            ["Input.Findings"] = "ワイヤーロック未固定",
            ["Input.OtherFindings"] = "離席時の画面ロック未実施",
        });
        var audits = await factory.AsSystemAsync((_, db) => db.TerminalAudits.Where(a => a.TerminalId == id).OrderBy(a => a.AuditedOn).ToListAsync());
        Assert.Equal(3, audits.Count);
        Assert.Equal("ワイヤーロック未固定\n離席時の画面ロック未実施", audits[2].Findings);
        Assert.Equal(new DateOnly(2026, 10, 1), await WireLock());

        // The office takes the audit's two findings into the findings register, for the terminal's department, once.
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var taken = await office.PostFormAsync(page, new() { ["auditId"] = audits[2].Id.ToString() }, $"{page}?handler=Findings");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var inspection = Guid.Parse(taken.Headers.Location!.OriginalString.Split('/')[^1]);
        var findings = await factory.AsSystemAsync((_, db) => db.Findings.Where(f => f.InspectionId == inspection).ToListAsync());
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(tenant.OwnDepartmentId, f.DepartmentId));
        var again = await office.PostFormAsync(page, new() { ["auditId"] = audits[2].Id.ToString() }, $"{page}?handler=Findings");
        Assert.Equal(page, again.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.Inspections.CountAsync(i => i.TerminalAuditId == audits[2].Id)));

        var list = await security.GetPageAsync("/security/terminals");
        Assert.Contains("T-101", list);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RoomReasons_AreAddedOnce_AndRemovingOneLeavesRecordedEntriesAsTheyWere(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        const string Page = "/security/room/reasons";
        Assert.Equal(HttpStatusCode.Redirect, (await security.PostFormAsync(Page, new() { ["Name"] = "  空調設備の点検  " })).StatusCode);
        Assert.Contains("「空調設備の点検」はすでに一覧にあります", await RefusedAsync(security, Page, new() { ["Name"] = "空調設備の点検" }));
        Assert.Contains("400文字以内", await RefusedAsync(security, Page, new() { ["Name"] = "" }));
        Assert.Contains("400文字以内", await RefusedAsync(security, Page, new() { ["Name"] = new string('あ', 401) }));

        var reason = await factory.AsSystemAsync((_, db) => db.RoomReasons.SingleAsync(r => r.MunicipalityId == tenant.MunicipalityId && r.Name == "空調設備の点検"));
        await factory.AsSystemAsync(async (_, db) =>
        {
            db.RoomEntries.Add(new Core.Features.Security.RoomEntry
            {
                MunicipalityId = tenant.MunicipalityId,
                EnteredAt = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc),
                Kind = Core.Features.Security.RoomEntryKind.Vendor,
                Organization = "空調保守株式会社",
                Reason = reason.Name,
            });
            return await db.SaveChangesAsync();
        });
        var removed = await security.PostFormAsync(Page, new() { ["reasonId"] = reason.Id.ToString() }, $"{Page}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("一覧から外しました", WebUtility.HtmlDecode(await security.GetPageAsync(Page)));
        Assert.DoesNotContain("空調設備の点検", WebUtility.HtmlDecode(await security.GetPageAsync(Page)));
        Assert.Equal("空調設備の点検", await factory.AsSystemAsync((_, db) =>
            db.RoomEntries.Where(e => e.MunicipalityId == tenant.MunicipalityId).Select(e => e.Reason).SingleAsync()));

        // Another municipality's reason is not there to remove.
        var other = await TestTenant.CreateAsync(factory);
        using var otherSecurity = await Browser.SignInAsync(factory, other, UserRole.Security);
        await otherSecurity.PostFormAsync(Page, new() { ["Name"] = "乙町の理由" });
        var foreign = await factory.AsSystemAsync((_, db) => db.RoomReasons.SingleAsync(r => r.MunicipalityId == other.MunicipalityId));
        Assert.Equal(HttpStatusCode.NotFound, (await security.PostFormAsync(Page, new() { ["reasonId"] = foreign.Id.ToString() }, $"{Page}?handler=Delete")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Drill_IsEditedWithItsVersion_AndAStaleEditIsRefusedWithWhatToDo(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var drill = new Dictionary<string, string>
        {
            ["Input.Title"] = "標的型攻撃メール訓練",
            ["Input.TargetGroup"] = "全職員",
            ["Input.HeldOn"] = "令和8年10月15日",
            ["Input.Content"] = "模擬メールを送信し、開封とURLのクリックを計測した。",
            ["Input.ParticipantCount"] = "1200",
        };
        await PostAndFollowAsync(security, "/security/drills/edit", drill);
        var stored = await factory.AsSystemAsync((_, db) => db.Drills.SingleAsync(d => d.MunicipalityId == tenant.MunicipalityId));
        var edit = $"/security/drills/edit/{stored.Id}";
        await PostAndFollowAsync(security, edit, new(drill) { ["Input.Findings"] = "開封率 8.5%", ["Input.Version"] = stored.Version.ToString() });
        var edited = await factory.AsSystemAsync((_, db) => db.Drills.SingleAsync(d => d.Id == stored.Id));
        Assert.Equal("開封率 8.5%", edited.Findings);
        Assert.NotEqual(stored.Version, edited.Version);

        // Someone who opened the form before that edit is told, and nothing of theirs is saved.
        var stale = await RefusedAsync(security, edit, new(drill) { ["Input.Findings"] = "古い画面からの入力", ["Input.Version"] = stored.Version.ToString() });
        Assert.Contains("他の人が先に変更しました", stale);
        Assert.Equal("開封率 8.5%", await factory.AsSystemAsync((_, db) => db.Drills.Where(d => d.Id == stored.Id).Select(d => d.Findings).SingleAsync()));
        Assert.Contains("標的型攻撃メール訓練", WebUtility.HtmlDecode(await security.GetPageAsync("/security/drills")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RecurringTasks_AreDoneByTheirOwnDepartment_AndInvisibleToAnother(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        Task<string> Task(string title, Guid department) => PostAndFollowAsync(office, "/findings/tasks/edit", new()
        {
            ["Input.Title"] = title,
            ["Input.DepartmentId"] = department.ToString(),
            ["Input.Frequency"] = "Monthly",
            ["Input.FirstDueOn"] = "2026-09-15",
        });
        var own = await Task("住民記録システムのアクセスログ点検", tenant.OwnDepartmentId);
        var other = await Task("サーバー室の入退室記録の確認", tenant.OtherDepartmentId);

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var list = WebUtility.HtmlDecode(await department.GetPageAsync("/findings/tasks"));
        Assert.Contains("住民記録システムのアクセスログ点検", list);
        Assert.DoesNotContain("サーバー室の入退室記録の確認", list);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/findings/tasks/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/findings/tasks/edit/{other}")).StatusCode);
        Assert.DoesNotContain("サーバー室の入退室記録の確認", await department.Client.GetStringAsync("/api/v1/findings/due"));

        await PostAndFollowAsync(department, $"/findings/tasks/{own}", new() { ["Input.DueOn"] = "2026-09-15", ["Input.DoneOn"] = "2026-09-14", ["Input.Note"] = "異常なし" });
        var completions = await factory.AsSystemAsync((_, db) => db.TaskCompletions.Where(c => c.MunicipalityId == tenant.MunicipalityId).ToListAsync());
        var done = Assert.Single(completions);
        Assert.Equal((Guid.Parse(own), new DateOnly(2026, 9, 15), tenant.OwnDepartmentId), (done.TaskId, done.DueOn, done.DepartmentId));

        // The other department's task cannot be answered from this department, even with a valid form.
        var refused = await department.PostFormAsync($"/findings/tasks/{own}", new() { ["Input.DueOn"] = "2026-09-15", ["Input.DoneOn"] = "2026-09-14" }, $"/findings/tasks/{other}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Single(await factory.AsSystemAsync((_, db) => db.TaskCompletions.Where(c => c.MunicipalityId == tenant.MunicipalityId).ToListAsync()));

        // The office sees both, and the missed months of the other department's task are overdue on the home page.
        var officeList = WebUtility.HtmlDecode(await office.GetPageAsync("/findings/tasks"));
        Assert.Contains("サーバー室の入退室記録の確認", officeList);
        var overview = await factory.AsSystemAsync((_, db) => FindingsOverview.BuildAsync(db, tenant.MunicipalityId, factory.Today, default));
        // Today is 2026-11-26: the 15th of September, October and November have passed.
        Assert.Equal([new DateOnly(2026, 9, 15), new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 15)],
            overview.MissedTasks.Where(m => m.TaskId == Guid.Parse(other)).Select(m => m.DueOn));
        Assert.Equal([new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 15)], overview.MissedTasks.Where(m => m.TaskId == Guid.Parse(own)).Select(m => m.DueOn));
    }
}
