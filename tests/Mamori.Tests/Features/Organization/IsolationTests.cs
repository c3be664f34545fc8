using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Organization;

/// <summary>Nothing of one municipality is visible to another; a 所管課 changes only its own department's records.</summary>
public sealed class IsolationTests(AppFixture app)
{
    private static async Task<Staff> AddStaffAsync(MamoriFactory factory, TestTenant tenant, Guid departmentId, string name)
    {
        return await factory.AsSystemAsync(async (_, db) =>
        {
            var staff = new Staff
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = departmentId,
                EmployeeNumber = "E" + Guid.NewGuid().ToString("N")[..6],
                Name = name,
            };
            db.Staff.Add(staff);
            await db.SaveChangesAsync();
            return staff;
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OtherMunicipality_ByIdListSearchExportAndAudit_IsInvisible(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory, "甲市");
        var b = await TestTenant.CreateAsync(factory, "乙町");
        var secret = await AddStaffAsync(factory, b, b.OwnDepartmentId, "乙町 秘密子");

        using var admin = await Browser.SignInAsync(factory, a, UserRole.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organization/staff/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organization/staff/edit/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organization/departments/edit/{b.OwnDepartmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/organization/staff/{secret.Id}")).StatusCode);

        var list = await admin.GetPageAsync("/organization/staff?q=秘密");
        Assert.DoesNotContain("秘密子", list);
        var apiList = await admin.Client.GetStringAsync("/api/v1/organization/staff");
        Assert.DoesNotContain("秘密子", apiList);
        var departments = await admin.Client.GetStringAsync("/api/v1/organization/departments");
        Assert.DoesNotContain(b.OwnDepartmentId.ToString(), departments);
        var export = await admin.Client.GetByteArrayAsync("/organization/staff/export");
        Assert.DoesNotContain("秘密子", System.Text.Encoding.UTF8.GetString(export));

        var bAccount = await factory.AsSystemAsync((_, db) => db.Users.FirstAsync(u => u.UserName == b.UserName(UserRole.Member)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organization/accounts/edit/{bAccount.Id}")).StatusCode);
        Assert.DoesNotContain(b.UserName(UserRole.Member), await admin.GetPageAsync("/organization/accounts"));

        // Changing by id: the page and the API both answer 404 and nothing changes.
        var put = await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{secret.Id}",
            new { employeeNumber = "X1", name = "書き換え", departmentId = a.OwnDepartmentId, status = "Active" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var suspend = await admin.Client.PostAsJsonAsync($"/api/v1/organization/accounts/{bAccount.Id}/suspend", new { reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, suspend.StatusCode);
        var unchanged = await factory.AsSystemAsync((_, db) => db.Staff.AsNoTracking().FirstAsync(s => s.Id == secret.Id));
        Assert.Equal("乙町 秘密子", unchanged.Name);

        // The audit trail of A holds nothing of B.
        using var auditor = await Browser.SignInAsync(factory, a, UserRole.Auditor);
        var audit = await auditor.Client.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1000");
        foreach (var entry in audit.GetProperty("entries").EnumerateArray())
        {
            Assert.NotEqual(secret.Id.ToString(), entry.GetProperty("entityKey").GetString());
        }
        Assert.DoesNotContain("秘密子", await auditor.GetPageAsync("/audit"));
        Assert.DoesNotContain("秘密子", System.Text.Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync("/audit/export")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DepartmentUser_OtherDepartmentsStaff_CannotBeSeenOrChanged(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var own = await AddStaffAsync(factory, tenant, tenant.OwnDepartmentId, "自課 職員");
        var other = await AddStaffAsync(factory, tenant, tenant.OtherDepartmentId, "他課 職員");

        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var list = await dept.GetPageAsync("/organization/staff");
        Assert.Contains("自課 職員", list);
        Assert.DoesNotContain("他課 職員", list);
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/organization/staff/{other.Id}")).StatusCode);

        // Editing the other department's record by id: 404, unchanged.
        var post = await dept.PostFormAsync($"/organization/staff/edit/{own.Id}", new()
        {
            ["Input.EmployeeNumber"] = "Z9",
            ["Input.Name"] = "乗っ取り",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Status"] = "Active",
        }, action: $"/organization/staff/edit/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var put = await dept.Client.PutAsJsonAsync($"/api/v1/organization/staff/{other.Id}",
            new { employeeNumber = "Z9", name = "乗っ取り", departmentId = tenant.OwnDepartmentId, status = "Active" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);

        // Moving its own staff member into another department is refused with a Japanese message.
        var move = await dept.Client.PutAsJsonAsync($"/api/v1/organization/staff/{own.Id}",
            new { employeeNumber = own.EmployeeNumber, name = own.Name, departmentId = tenant.OtherDepartmentId, status = "Active", version = own.Version });
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Contains("自分の部署の職員だけ", await move.Content.ReadAsStringAsync());

        var after = await factory.AsSystemAsync((_, db) => db.Staff.AsNoTracking().Where(s => s.Id == own.Id || s.Id == other.Id).ToListAsync());
        Assert.Contains(after, s => s.Id == other.Id && s.Name == "他課 職員");
        Assert.Contains(after, s => s.Id == own.Id && s.DepartmentId == tenant.OwnDepartmentId && s.Name == "自課 職員");

        // Its own department's record it may change.
        var ok = await dept.Client.PutAsJsonAsync($"/api/v1/organization/staff/{own.Id}",
            new { employeeNumber = own.EmployeeNumber, name = "自課 職員（改）", departmentId = tenant.OwnDepartmentId, status = "OnLeave", version = own.Version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ScopeGuard_WriteAcrossMunicipality_IsRefusedByTheContext(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory);
        var b = await TestTenant.CreateAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<CurrentTenant>();
        tenant.SetUser("test", "テスト", a.MunicipalityId, null, restrictToDepartment: false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Staff.Add(new Staff { MunicipalityId = b.MunicipalityId, DepartmentId = b.OwnDepartmentId, EmployeeNumber = "G1", Name = "越境" });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }
}
