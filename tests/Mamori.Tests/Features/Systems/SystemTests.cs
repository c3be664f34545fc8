using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Systems;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;
using static Mamori.Tests.Features.Findings.FindingTests;

namespace Mamori.Tests.Features.Systems;

/// <summary>
/// 情報システム台帳 and the account check over HTTP on both databases: a 所管課 registers its system, imports the
/// system's account list (all or nothing), sees who should not have an account and since when, and closes each listing
/// with evidence; nobody outside the department or the municipality sees any of it.
/// </summary>
public sealed class SystemTests(AppFixture app)
{
    static SystemTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Staff of the test municipality whose accounts the check must judge: one each of every case.</summary>
    public sealed record Seeded(Guid Active, Guid LeaveToday, Guid LeaveTomorrow, Guid Retired, Guid Moved);

    public static async Task<Seeded> SeedStaffAsync(MamoriFactory factory, TestTenant tenant) => await factory.AsSystemAsync(async (_, db) =>
    {
        var today = factory.Today;
        Staff Person(string number, string name, string kana, Guid department, StaffStatus status = StaffStatus.Active, DateOnly? end = null) => new()
        {
            MunicipalityId = tenant.MunicipalityId,
            DepartmentId = department,
            EmployeeNumber = number,
            Name = name,
            NameKana = kana,
            Status = status,
            EndDate = end,
        };
        var active = Person("00101", "山田 太郎", "やまだ たろう", tenant.OwnDepartmentId);
        var leaveToday = Person("00102", "佐藤 花子", "さとう はなこ", tenant.OwnDepartmentId);
        leaveToday.Absences.Add(new AbsencePeriod { MunicipalityId = tenant.MunicipalityId, Start = today, End = today.AddDays(364), Reason = "育児休業" });
        var leaveTomorrow = Person("00103", "鈴木 一郎", "すずき いちろう", tenant.OwnDepartmentId);
        leaveTomorrow.Absences.Add(new AbsencePeriod { MunicipalityId = tenant.MunicipalityId, Start = today.AddDays(1), End = today.AddDays(365), Reason = "育児休業" });
        var retired = Person("00104", "田中 次郎", "たなか じろう", tenant.OwnDepartmentId, StaffStatus.Retired, today.AddDays(-10));
        var moved = Person("00105", "高橋 三郎", "たかはし さぶろう", tenant.OtherDepartmentId);
        db.Staff.AddRange(active, leaveToday, leaveTomorrow, retired, moved);
        await db.SaveChangesAsync();
        return new Seeded(active.Id, leaveToday.Id, leaveTomorrow.Id, retired.Id, moved.Id);
    });

    /// <summary>The account export as a CP932 CSV with the headers of one vendor's system.</summary>
    public static byte[] AccountCsv(bool withDuplicate = false) => Encoding.GetEncoding(932).GetBytes(string.Join("\r\n",
        "利用者ID,職員コード,利用者名,カナ氏名,最終ログイン日時,状態",
        "yamada,101,山田　太郎,ﾔﾏﾀﾞ ﾀﾛｳ,2026/11/20 09:12,有効",
        "sato,102,佐藤　花子,サトウ ハナコ,2026/11/02 17:40,有効",
        withDuplicate ? "sato,103,鈴木　一郎,スズキ イチロウ,2026/11/25 08:00,有効" : "suzuki,103,鈴木　一郎,スズキ イチロウ,2026/11/25 08:00,有効",
        "tanaka,104,田中　次郎,タナカ ジロウ,2026/11/10 10:00,有効",
        "takahashi,,高橋　三郎,タカハシ サブロウ,2026/11/24 15:30,有効",
        "hoshu01,,保守 作業用,,2026/10/01 10:00,有効",
        "old-admin,,旧管理者,,2025/01/05 10:00,停止") + "\r\n");

    internal static async Task<string> CreateSystemAsync(Browser browser, Guid department, string name = "障害者福祉総合システム") =>
        await PostAsync(browser, "/systems/edit", new()
        {
            ["Input.Name"] = name,
            ["Input.DepartmentId"] = department.ToString(),
            ["Input.Vendor"] = "株式会社テスト情報",
            ["Input.Hosting"] = "GovernmentCloud",
            ["Input.HoldsMyNumber"] = "true",
            ["Input.UnusedDays"] = "90",
        });

    private static async Task<List<AccountListing>> ListingsAsync(MamoriFactory factory, Guid systemId) =>
        await factory.AsSystemAsync(async (_, db) => await db.AccountListings.AsNoTracking().Where(l => l.SystemId == systemId).OrderBy(l => l.Login).ToListAsync());

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccountCheck_DepartmentImportsAndClosesWithEvidence_AndNobodyElseSeesIt(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "守り区");
        await SeedStaffAsync(factory, tenant);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);

        // A 所管課 registers systems of its own department only.
        var refused = await RefusedAsync(department, "/systems/edit", new()
        {
            ["Input.Name"] = "税務システム",
            ["Input.DepartmentId"] = tenant.OtherDepartmentId.ToString(),
            ["Input.Hosting"] = "OnPremises",
        }, "/systems/edit");
        Assert.Contains("自分の部署のシステムだけを登録できます", refused);
        var id = await CreateSystemAsync(department, tenant.OwnDepartmentId);
        var page = $"/systems/{id}";
        var systemId = Guid.Parse(id);

        // One bad row (a login twice): nothing is stored, and the message names the file, row and column.
        var bad = await department.PostFileAsync(page, "file", "accounts.csv", AccountCsv(withDuplicate: true), $"{page}?handler=Import");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("accounts.csv の 4 行目「利用者ID」: ログインID「sato」が 3 行目と重複しています。", badText);
        Assert.Contains("何も取り込んでいません", badText);
        Assert.Equal(0, await factory.AsSystemAsync(async (_, db) => await db.SystemAccounts.CountAsync(a => a.SystemId == systemId)));

        var good = await department.PostFileAsync(page, "file", "accounts.csv", AccountCsv(), $"{page}?handler=Import");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var detail = WebUtility.HtmlDecode(await department.GetPageAsync(page));
        Assert.Contains("アカウント 7 件を取り込みました（職員と照合 5 件、照合できない 2 件、停止済み 1 件）", detail);
        Assert.Contains("点検で新たに 4 件を一覧に載せました", detail);

        // Listed: the leave that starts today (from its first day), the retiree, the one moved away, the unknown account.
        // Not listed: the leave that starts tomorrow, the active user, the account already stopped.
        var listings = await ListingsAsync(factory, systemId);
        Assert.Equal(["hoshu01:Unknown", "sato:LongLeave", "takahashi:Moved", "tanaka:Retired"], listings.Select(l => $"{l.Login}:{l.Kind}").ToArray());
        Assert.Equal(factory.Today, listings.Single(l => l.Login == "sato").Since);
        Assert.Equal(factory.Today.AddDays(-10), listings.Single(l => l.Login == "tanaka").Since);
        Assert.Contains("情報管理課", listings.Single(l => l.Login == "takahashi").Reason);

        // Closing is the 所管課's here (no administrator named): the office may not, the auditor is turned away.
        var tanaka = listings.Single(l => l.Login == "tanaka");
        var hoshu = listings.Single(l => l.Login == "hoshu01");
        using (var office = await Browser.SignInAsync(factory, tenant, UserRole.Office))
        {
            var officeRefusal = await RefusedAsync(office, page, new()
            {
                ["Close.ListingId"] = tanaka.Id.ToString(),
                ["Close.Action"] = "Continued",
                ["Close.ClosedOn"] = Iso(factory.Today),
                ["Close.Note"] = "x"
            }, $"{page}?handler=Close");
            Assert.Contains("このシステムの所管課と管理者です", officeRefusal);
        }
        using (var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor))
        {
            var seen = WebUtility.HtmlDecode(await auditor.GetPageAsync(page));
            Assert.Contains("退職・転出済み", seen);
            Assert.DoesNotContain("対応を記録する", seen);
            var denied = await auditor.PostFormAsync(page, new() { ["Close.ListingId"] = tanaka.Id.ToString() }, $"{page}?handler=Close");
            Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "");
        }

        // 停止 needs its evidence; 継続 needs its reason; a future date is refused.
        var noEvidence = await RefusedAsync(department, page, new()
        {
            ["Close.ListingId"] = tanaka.Id.ToString(),
            ["Close.Action"] = "Suspended",
            ["Close.ClosedOn"] = Iso(factory.Today)
        }, $"{page}?handler=Close");
        Assert.Contains("停止・削除の証跡", noEvidence);
        var future = await RefusedAsync(department, page, new()
        {
            ["Close.ListingId"] = hoshu.Id.ToString(),
            ["Close.Action"] = "Continued",
            ["Close.ClosedOn"] = Iso(factory.Today.AddDays(1))
        }, $"{page}?handler=Close");
        Assert.Contains("先の日付は入力できません", future);
        Assert.Contains("継続する場合は、その理由を入力してください", future);

        var closed = await department.PostFileAsync(page, "evidence", "停止画面.pdf", "%PDF-1.4 停止"u8.ToArray(), $"{page}?handler=Close",
            new Dictionary<string, string>
            {
                ["Close.ListingId"] = tanaka.Id.ToString(),
                ["Close.Version"] = tanaka.Version.ToString(),
                ["Close.Action"] = "Suspended",
                ["Close.ClosedOn"] = Iso(factory.Today),
                ["Close.Note"] = "退職に伴い停止"
            });
        Assert.True(closed.StatusCode == HttpStatusCode.Redirect, Errors(await closed.Content.ReadAsStringAsync()));
        await PostAsync(department, page, new()
        {
            ["Close.ListingId"] = hoshu.Id.ToString(),
            ["Close.Action"] = "Continued",
            ["Close.ClosedOn"] = Iso(factory.Today),
            ["Close.Note"] = "保守事業者の作業用。作業時のみ有効化する運用で継続"
        }, $"{page}?handler=Close");
        var again = await RefusedAsync(department, page, new()
        {
            ["Close.ListingId"] = hoshu.Id.ToString(),
            ["Close.Action"] = "Deleted",
            ["Close.ClosedOn"] = Iso(factory.Today)
        }, $"{page}?handler=Close");
        Assert.Contains("として記録済みです", again);

        listings = await ListingsAsync(factory, systemId);
        tanaka = listings.Single(l => l.Login == "tanaka");
        Assert.Equal((ListingAction.Suspended, "停止画面.pdf"), (tanaka.Action, tanaka.EvidenceName));
        var download = await department.GetAsync($"/systems/listings/{tanaka.Id}/evidence");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // The next export no longer holds the retiree, and shows the unknown account stopped: listings stay as closed;
        // an open one whose account is gone is closed as 解消 by the import itself.
        var next = Encoding.UTF8.GetBytes(string.Join("\n", "利用者ID,職員コード,利用者名,カナ氏名,最終ログイン日時,状態",
            "yamada,101,山田 太郎,,2026/11/20,有効", "sato,102,佐藤 花子,,2026/11/02,有効", "takahashi,,高橋 三郎,,2026/11/24,停止", "hoshu01,,保守,,2026/10/01,有効"));
        Assert.Equal(HttpStatusCode.Redirect, (await department.PostFileAsync(page, "file", "accounts2.csv", next, $"{page}?handler=Import")).StatusCode);
        listings = await ListingsAsync(factory, systemId);
        Assert.Equal(4, listings.Count);
        Assert.Equal(ListingAction.Suspended, listings.Single(l => l.Login == "tanaka").Action);
        Assert.Equal(ListingAction.Continued, listings.Single(l => l.Login == "hoshu01").Action);
        var takahashi = listings.Single(l => l.Login == "takahashi");
        Assert.Equal((ListingAction.Resolved, "アカウント点検"), (takahashi.Action, takahashi.ClosedBy));
        Assert.Contains("停止済み", takahashi.Note);
        Assert.Null(listings.Single(l => l.Login == "sato").Action);

        // A later export in another layout names what is missing and changes nothing.
        var otherLayout = Encoding.UTF8.GetBytes("ID,氏名\nyamada,山田 太郎\n");
        var refusedImport = WebUtility.HtmlDecode(await (await department.PostFileAsync(page, "file", "accounts3.csv", otherLayout, $"{page}?handler=Import")).Content.ReadAsStringAsync());
        Assert.Contains("accounts3.csv の 1 行目「ログインID」: 見出し「利用者ID」がありません", refusedImport);
        Assert.Equal(4, await factory.AsSystemAsync(async (_, db) => await db.SystemAccounts.CountAsync(a => a.SystemId == systemId)));

        // The printed table and the workbook carry the system, the reasons and what was done.
        var status = WebUtility.HtmlDecode(await department.GetPageAsync($"/systems/status?system={id}"));
        Assert.Contains("障害者福祉総合システム", status);
        Assert.Contains("退職に伴い停止", status);
        Assert.Contains("365日間の休職・休業中", status);
        var xlsx = await department.Client.GetByteArrayAsync("/systems/status?handler=Xlsx");
        Assert.Equal((byte)'P', xlsx[0]);

        // Another department and another municipality see nothing of it.
        var otherDept = await OtherDepartmentUserAsync(factory, tenant);
        using (var other = await Browser.SignInAsync(factory, tenant, otherDept))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
            Assert.DoesNotContain("障害者福祉総合システム", await other.Client.GetStringAsync("/api/v1/systems"));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/systems/listings/{tanaka.Id}/evidence")).StatusCode);
        }
        var stranger = await TestTenant.CreateAsync(factory, "他市");
        using (var admin = await Browser.SignInAsync(factory, stranger, UserRole.Admin))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).StatusCode);
            Assert.Equal("[]", await admin.Client.GetStringAsync("/api/v1/systems"));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/systems/{id}/listings")).StatusCode);
            var close = new MultipartFormDataContent { { new StringContent("Continued"), "action" }, { new StringContent(Iso(factory.Today)), "closedOn" }, { new StringContent("x"), "note" } };
            Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostAsync($"/api/v1/systems/listings/{hoshu.Id}/close", close)).StatusCode);
        }

        // Every change is in the audit trail: the system, each imported account (a re-import records what changed: three
        // accounts gone, the others updated in place), each listing and its closing.
        using var auditReader = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
        var audit = await auditReader.Client.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1000");
        var entries = audit.GetProperty("entries").EnumerateArray().Select(e => (Type: e.GetProperty("entityType").GetString(), Action: e.GetProperty("action").GetString(),
            Key: e.GetProperty("entityKey").GetString())).ToList();
        Assert.Contains(entries, e => e.Type == "BusinessSystem" && e.Key == id);
        Assert.Equal((7, 3), (entries.Count(e => e.Type == "SystemAccount" && e.Action == "Insert"), entries.Count(e => e.Type == "SystemAccount" && e.Action == "Delete")));
        Assert.Contains(entries, e => e.Type == "AccountListing" && e.Key == tanaka.Id.ToString() && e.Action == "Update");
    }

    internal static async Task<string> OtherDepartmentUserAsync(MamoriFactory factory, TestTenant tenant) => await factory.AsSystemAsync(async (services, db) =>
    {
        var name = "dept2-" + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAccount.RunAsync(db, services.GetRequiredService<UserManager<AppUser>>(),
            new NewAccount(tenant.MunicipalityId, name, "情報管理課 職員", UserRole.Department, tenant.OtherDepartmentId, null, TestTenant.Password), default);
        Assert.True(created.Ok, created.Describe());
        return name;
    });

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccountCheck_LeaveEnteredInAdvance_IsListedOnItsFirstDay_AndTheAdministratorsAreToldUntilItIsClosed(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var seeded = await SeedStaffAsync(factory, tenant);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var systemId = Guid.Parse(await CreateSystemAsync(department, tenant.OwnDepartmentId, "住民記録システム"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await department.PostFileAsync($"/systems/{systemId}", "file", "a.csv", AccountCsv(), $"/systems/{systemId}?handler=Import")).StatusCode);
        Assert.DoesNotContain(await ListingsAsync(factory, systemId), l => l.StaffId == seeded.LeaveTomorrow);

        // The check runs again on the leave's first day (the scheduler's round): listed that day, due seven days later.
        var tomorrow = factory.Today.AddDays(1);
        await InTenantAsync(factory, tenant, async db => await AccountListings.RefreshAsync(db, systemId, new TestClock(tomorrow), default));
        var listing = Assert.Single(await ListingsAsync(factory, systemId), l => l.StaffId == seeded.LeaveTomorrow);
        Assert.Equal((tomorrow, tomorrow, ListingKind.LongLeave), (listing.Since, listing.ListedOn, listing.Kind));
        // Running again the same day or the next adds nothing.
        await InTenantAsync(factory, tenant, async db => await AccountListings.RefreshAsync(db, systemId, new TestClock(tomorrow.AddDays(1)), default));
        Assert.Single(await ListingsAsync(factory, systemId), l => l.StaffId == seeded.LeaveTomorrow);

        // The 所管課 (no administrator named) is told when listed, on the last day and once it is overdue.
        var departmentUser = await factory.AsSystemAsync(async (_, db) => await db.Users.Where(u => u.UserName == tenant.UserName(UserRole.Department)).Select(u => u.Id).SingleAsync());
        List<DueItem> Due(List<DueItem> all) => all.Where(i => i.Rule == NoticeRule.AccountCheck && i.Subject == $"accounts:{systemId}:{tomorrow:yyyyMMdd}").ToList();
        var onListing = Due(await InTenantAsync(factory, tenant, db => DueItems.ReadAsync(db, tenant.MunicipalityId, tomorrow, DateTime.UtcNow, default)));
        Assert.Equal("d7", Assert.Single(onListing).Occasion);
        Assert.Equal([departmentUser], onListing[0].Recipients);
        Assert.Equal("d0", Due(await InTenantAsync(factory, tenant, db => DueItems.ReadAsync(db, tenant.MunicipalityId, tomorrow.AddDays(7), DateTime.UtcNow, default)))[0].Occasion);
        Assert.Equal("overdue", Due(await InTenantAsync(factory, tenant, db => DueItems.ReadAsync(db, tenant.MunicipalityId, tomorrow.AddDays(8), DateTime.UtcNow, default)))[0].Occasion);
    }

    internal static async Task<T> InTenantAsync<T>(MamoriFactory factory, TestTenant tenant, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "テスト");
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Api_NamedAdministratorsCloseListings_AndTheApiValidatesLikeTheForm(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await SeedStaffAsync(factory, tenant);
        var securityId = await factory.AsSystemAsync(async (_, db) => await db.Users.Where(u => u.UserName == tenant.UserName(UserRole.Security)).Select(u => u.Id).SingleAsync());
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var invalid = await office.Client.PostAsJsonAsync("/api/v1/systems", new { name = "", departmentId = tenant.OwnDepartmentId, hosting = "雲" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("hosting「雲」は使えません", await invalid.Content.ReadAsStringAsync());

        var created = await office.Client.PostAsJsonAsync("/api/v1/systems", new
        {
            name = "税務システム",
            departmentId = tenant.OwnDepartmentId,
            hosting = "ガバメントクラウド",
            holdsMyNumber = true,
            administratorIds = new[] { securityId },
            usingDepartmentIds = new[] { tenant.OtherDepartmentId },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var system = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = system.GetProperty("id").GetGuid();
        Assert.Equal("GovernmentCloud", system.GetProperty("hosting").GetString());

        // A stale version is a conflict, not an overwrite.
        var stale = await office.Client.PutAsJsonAsync($"/api/v1/systems/{id}", new
        {
            name = "税務システム（新）",
            departmentId = tenant.OwnDepartmentId,
            version = Guid.NewGuid(),
            administratorIds = new[] { securityId }
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var import = new MultipartFormDataContent { { new ByteArrayContent(AccountCsv()), "file", "accounts.csv" } };
        var imported = await office.Client.PostAsync($"/api/v1/systems/{id}/accounts", import);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, result.GetProperty("accounts").GetInt32());
        // 情報管理課 uses this system, so the one who moved there is not listed.
        var listings = (await office.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/systems/{id}/listings"))!;
        Assert.Equal(["hoshu01", "sato", "tanaka"], listings.Select(l => l.GetProperty("login").GetString()!).Order(StringComparer.Ordinal).ToArray());
        var tanaka = listings.Single(l => l.GetProperty("login").GetString() == "tanaka").GetProperty("id").GetGuid();

        MultipartFormDataContent Close(string action, string? note = null, bool evidence = true)
        {
            var form = new MultipartFormDataContent { { new StringContent(action), "action" }, { new StringContent(Iso(factory.Today)), "closedOn" } };
            if (note is not null)
            {
                form.Add(new StringContent(note), "note");
            }
            if (evidence)
            {
                form.Add(new ByteArrayContent("%PDF-1.4 削除"u8.ToArray()), "file", "delete.pdf");
            }
            return form;
        }

        // With an administrator named, only they (and 管理者) close: not the office, not the 所管課.
        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/systems/listings/{tanaka}/close", Close("Deleted"))).StatusCode);
        using (var department = await Browser.SignInAsync(factory, tenant, UserRole.Department))
        {
            var refusal = await department.Client.PostAsync($"/api/v1/systems/listings/{tanaka}/close", Close("Deleted"));
            Assert.Equal(HttpStatusCode.Conflict, refusal.StatusCode);
            Assert.Contains("システム管理者と管理者です", await refusal.Content.ReadAsStringAsync());
        }
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var noFile = await security.Client.PostAsync($"/api/v1/systems/listings/{tanaka}/close", Close("削除", evidence: false));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("証跡", await noFile.Content.ReadAsStringAsync());
        var done = await security.Client.PostAsync($"/api/v1/systems/listings/{tanaka}/close", Close("削除", "退職者のアカウントを削除"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var closed = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Deleted", "delete.pdf"), (closed.GetProperty("action").GetString(), closed.GetProperty("evidenceName").GetString()));

        var workbook = await security.Client.GetAsync("/api/v1/systems/status.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccountCheck_ASystemWhoseLogIsMonitored_CountsTheAccessLogAsUse(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await SeedStaffAsync(factory, tenant);
        // The stored access log shows yamada on 20 November; nobody else.
        var log = Path.Combine(factory.DataDirectory, $"log-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(log, "ts,user_id,terminal_id,terminal_dept,business_code,op,resident_id,result_count,search_method\n"
            + "2026-11-20 10:00:00,yamada,T01,D01,FUKUSHI,VIEW,R0001,1,ID\n");
        factory.Services.GetRequiredService<Core.Features.AccessMonitoring.AccessLogFolders>().Store(tenant.MunicipalityId).Ingest(log);

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var exported = Encoding.UTF8.GetBytes("ログインID,職員番号,氏名,最終ログイン日時\nyamada,101,山田 太郎,2026/01/05\nsuzuki,103,鈴木 一郎,2026/01/05\n");
        async Task<List<string>> ListedAsync(string name, bool monitored)
        {
            var created = await department.Client.PostAsJsonAsync("/api/v1/systems", new
            {
                name,
                departmentId = tenant.OwnDepartmentId,
                accessLogSource = monitored ? "福祉システム操作ログ" : null,
                unusedDays = 90,
            });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var file = new MultipartFormDataContent { { new ByteArrayContent(exported), "file", "accounts.csv" } };
            Assert.Equal(HttpStatusCode.OK, (await department.Client.PostAsync($"/api/v1/systems/{id}/accounts", file)).StatusCode);
            return (await ListingsAsync(factory, id)).Where(l => l.Kind == ListingKind.Unused).Select(l => l.Login).ToList();
        }

        // Without the log both are unused since January; with it, yamada used the system six days ago.
        Assert.Equal(["suzuki", "yamada"], (await ListedAsync("福祉システム（ログなし）", monitored: false)).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["suzuki"], (await ListedAsync("福祉システム", monitored: true)).ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccountCheck_AStoppedAccountStillInUseOnALaterExport_IsListedAgain(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await SeedStaffAsync(factory, tenant);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var systemId = Guid.Parse(await CreateSystemAsync(department, tenant.OwnDepartmentId, "税務システム"));
        var today = factory.Today;
        Task<Core.Outcome<AccountImportResult>> ImportOn(DateOnly day) => InTenantAsync(factory, tenant, db =>
            ImportAccounts.RunAsync(db, systemId, "a.csv", new MemoryStream(AccountCsv()), new TestClock(day), default));
        Assert.True((await ImportOn(today.AddDays(-3))).Ok);
        var tanaka = Assert.Single(await ListingsAsync(factory, systemId), l => l.Login == "tanaka");
        var stoppedOn = today.AddDays(-1);
        var close = new MultipartFormDataContent { { new StringContent("Suspended"), "action" }, { new StringContent(Iso(stoppedOn)), "closedOn" } };
        close.Add(new ByteArrayContent("%PDF-1.4 停止"u8.ToArray()), "file", "stop.pdf");
        Assert.Equal(HttpStatusCode.OK, (await department.Client.PostAsync($"/api/v1/systems/listings/{tanaka.Id}/close", close)).StatusCode);

        // An export taken the day of the stop may predate it: trusted. One taken the day after still showing it in use is not.
        Assert.Equal(0, (await ImportOn(stoppedOn)).Value!.NewListings);
        Assert.Single(await ListingsAsync(factory, systemId), l => l.Login == "tanaka");
        // (The other new listing today is sato, whose leave begins today.)
        Assert.Equal(2, (await ImportOn(today)).Value!.NewListings);
        var again = (await ListingsAsync(factory, systemId)).Where(l => l.Login == "tanaka").OrderBy(l => l.ListedOn).ToList();
        Assert.Equal([(ListingAction?)ListingAction.Suspended, null], again.Select(l => l.Action).ToArray());
        Assert.Equal(today, again[1].ListedOn);
    }
}
