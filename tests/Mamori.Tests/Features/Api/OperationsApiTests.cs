using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Register;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// The remaining forms through the API with the pages' rules: the municipality's settings at their bounds, a staff
/// member's absence, the register imported all or nothing, a case's draft, a contract's document, access monitoring's
/// settings, log upload and analysis period, and a mail retried — and what the API never grants.
/// </summary>
public sealed class OperationsApiTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Organization_Register_Reviews_AndContracts(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = Client(factory, await TokenAsync(factory, tenant, UserRole.Admin));

        var settings = await ReadAsync(await admin.GetAsync("/api/v1/organization/municipality"), HttpStatusCode.OK);
        Assert.Equal(tenant.Code, settings.GetProperty("code").GetString());
        object Settings(int days, int people) => new { name = tenant.Name, ordinanceSensitiveCategories = "LGBTQ\n生活保護の受給", incidentPreliminaryDays = days, incidentPeopleThreshold = people };
        var sixDays = await admin.PutAsJsonAsync("/api/v1/organization/municipality", Settings(6, 100));
        Assert.Equal(HttpStatusCode.BadRequest, sixDays.StatusCode);
        Assert.Contains("incidentPreliminaryDays", await sixDays.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/organization/municipality", Settings(0, 100))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/organization/municipality", Settings(5, 0))).StatusCode);
        var saved = await ReadAsync(await admin.PutAsJsonAsync("/api/v1/organization/municipality", Settings(5, 100)), HttpStatusCode.OK);
        Assert.Equal("LGBTQ\n生活保護の受給", saved.GetProperty("ordinanceSensitiveCategories").GetString());
        Assert.Equal(5, await factory.AsSystemAsync((_, db) => db.Municipalities.Where(m => m.Id == tenant.MunicipalityId).Select(m => m.IncidentPreliminaryDays).FirstAsync()));

        // A 所管課 adds an absence to its own staff, not to another department's.
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));
        var (own, others) = await factory.AsSystemAsync(async (_, db) =>
        {
            var a = new Core.Features.Organization.Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, EmployeeNumber = "A100", Name = "休職 一郎" };
            var b = new Core.Features.Organization.Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, EmployeeNumber = "A200", Name = "他課 二郎" };
            db.Staff.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var absent = await ReadAsync(await department.PostAsJsonAsync($"/api/v1/organization/staff/{own}/absences",
            new { start = "令和8年10月1日", end = "令和9年3月31日", reason = "育児休業" }), HttpStatusCode.OK);
        Assert.Single(absent.GetProperty("absences").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsJsonAsync($"/api/v1/organization/staff/{others}/absences",
            new { start = "令和8年10月1日", reason = "病気休暇" })).StatusCode);

        // The register: one bad row stops the file, named by row and column; the good file is imported once.
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        var rows = Enumerable.Range(1, 3).Select(i => RegisterImportTests.Row(i)).ToList();
        var broken = rows.Select(r => r.ToArray()).ToList();
        broken[1][22] = "たくさん";
        var refused = await office.PostAsync("/api/v1/register/import?fileName=bo.csv", new StringContent(RegisterImportTests.Csv(broken), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bo.csv の 3 行目", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.PersonalInfoFiles.CountAsync(f => f.MunicipalityId == tenant.MunicipalityId)));
        var imported = await ReadAsync(await office.PostAsync("/api/v1/register/import?fileName=bo.csv",
            new StringContent(RegisterImportTests.Csv(rows), Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal(3, imported.GetProperty("created").GetInt32());
        var again = await ReadAsync(await office.PostAsync("/api/v1/register/import?fileName=bo.csv",
            new StringContent(RegisterImportTests.Csv(rows), Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());

        // A case's summary and types while it is a draft.
        var business = Id(await ReadAsync(await department.PostAsJsonAsync("/api/v1/reviews/businesses",
            new { name = "住民票の写しの交付", departmentId = tenant.OwnDepartmentId, types = new[] { "Holding" } }), HttpStatusCode.Created));
        var round = Id(await ReadAsync(await office.PostAsJsonAsync("/api/v1/reviews/rounds", new { title = "令和8年度第2回部会", deadlineOn = "2026-12-20" }), HttpStatusCode.Created));
        var reviewCase = Id(await ReadAsync(await department.PostAsJsonAsync("/api/v1/reviews/cases",
            new { roundId = round, businessId = business, types = new[] { "Holding" }, summary = "交付の事務" }), HttpStatusCode.Created));
        var drafted = await ReadAsync(await department.PutAsJsonAsync($"/api/v1/reviews/cases/{reviewCase}/draft",
            new { types = new[] { "保有", "Outsourcing" }, summary = "交付の事務（窓口を委託）" }), HttpStatusCode.OK);
        Assert.Equal(2, drafted.GetProperty("inspections").GetArrayLength());
        var unknownType = await department.PutAsJsonAsync($"/api/v1/reviews/cases/{reviewCase}/draft", new { types = new[] { "Teleport" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains("types", await unknownType.Content.ReadAsStringAsync());

        // A contract's document, kept as an attachment.
        var contract = Id(await ReadAsync(await department.PostAsJsonAsync("/api/v1/contracts", new
        {
            title = "窓口業務委託",
            contractor = "株式会社まもり",
            departmentId = tenant.OwnDepartmentId,
            startOn = "2026-04-01",
            endOn = "2027-03-31",
        }), HttpStatusCode.Created));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 契約書"u8.ToArray()), "file", "契約書.pdf" } };
        var document = await ReadAsync(await department.PostAsync($"/api/v1/contracts/{contract}/documents", upload), HttpStatusCode.OK);
        Assert.Equal("契約書.pdf", document.GetProperty("fileName").GetString());

        // What the API never grants: accounts are made, reset and resumed on the pages only.
        var made = await admin.PostAsJsonAsync("/api/v1/organization/accounts", new { userName = "new-admin", role = "Admin", password = TestTenant.Password });
        Assert.True(made.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{(int)made.StatusCode}");
        Assert.False(await factory.AsSystemAsync((_, db) => db.Users.AnyAsync(u => u.UserName == "new-admin")));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/notices/{Guid.NewGuid()}/mail/retry", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccessMonitoring_SettingsLogsAndTheAnalysisPeriod(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "access"));

        var settings = await ReadAsync(await api.GetAsync("/api/v1/access/settings"), HttpStatusCode.OK);
        var bad = await api.PutAsJsonAsync("/api/v1/access/settings", new
        {
            exemptBusinessCodes = "B01",
            parameters = new Dictionary<string, string> { ["R06.min_residents"] = "たくさん", ["R99.anything"] = "1" },
            version = Version(settings),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var why = await bad.Content.ReadAsStringAsync();
        Assert.Contains("R06", why);
        Assert.Contains("R99.anything", why);
        var saved = await ReadAsync(await api.PutAsJsonAsync("/api/v1/access/settings", new
        {
            exemptBusinessCodes = "B01\nB02",
            parameters = new Dictionary<string, string> { ["R06.min_residents"] = "30" },
            version = Version(settings),
        }), HttpStatusCode.OK);
        Assert.Equal("30", saved.GetProperty("parameters").GetProperty("R06.min_residents").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync("/api/v1/access/settings", new { exemptBusinessCodes = "B03", version = Version(settings) })).StatusCode);

        // 93 days at most in one analysis: 1 September to 2 December is 93 days, to 3 December 94.
        var tooLong = await api.PostAsJsonAsync("/api/v1/access/analyses", new { from = "2026-09-01", to = "2026-12-03" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("93日まで", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/access/analyses", new { from = "2026-09-02", to = "2026-09-01" })).StatusCode);
        var analysis = await ReadAsync(await api.PostAsJsonAsync("/api/v1/access/analyses", new { from = "2026-09-01", to = "2026-12-02" }), HttpStatusCode.Accepted);
        Assert.Equal("Analyze", analysis.GetProperty("kind").GetString());

        using var logs = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("timestamp,user_id,resident_id,business_code,operation\n")), "file", "access_2026-11.csv" },
        };
        var job = await ReadAsync(await api.PostAsync("/api/v1/access/logs", logs), HttpStatusCode.Accepted);
        Assert.Equal("Ingest", job.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/access/jobs/{Id(job)}")).StatusCode);
        using var badName = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", new string('長', 201) + ".csv" } };
        var refusedName = await api.PostAsync("/api/v1/access/logs", badName);
        Assert.Equal(HttpStatusCode.BadRequest, refusedName.StatusCode);
        Assert.Contains("200文字以内", await refusedName.Content.ReadAsStringAsync());
        var notThere = await api.PostAsJsonAsync("/api/v1/access/inbox", new { files = new[] { "nothing.csv" } });
        Assert.Equal(HttpStatusCode.BadRequest, notThere.StatusCode);
        Assert.Contains("nothing.csv", await notThere.Content.ReadAsStringAsync());

        // An auditor reads the alerts but loads nothing.
        using var auditor = Client(factory, await TokenAsync(factory, tenant, UserRole.Auditor, modules: "access"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/access/analyses", new { from = "2026-11-01", to = "2026-11-30" })).StatusCode);
    }
}
