using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Reviews;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Why a request failed is in its status: 400 for input to correct (with field errors), 404 for a record that is
/// not there or not in scope, 409 for a stale edit or a state that refuses the change; a PUT answers 200 with the
/// record and a POST that creates answers 201. Every refusal is Japanese problem+json.
/// </summary>
public sealed class StatusCodeTests(AppFixture app)
{
    private static readonly string Missing = Guid.NewGuid().ToString();

    private static object File(TestTenant tenant, string name, string? version = null) =>
        Features.Register.RegisterWorkflowTests.File(tenant, "S-1", name, version: version is null ? null : Guid.Parse(version));

    /// <summary>Asserts the status and, for a refusal, the problem+json shape with a Japanese message; returns the body.</summary>
    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string? message = null)
    {
        var body = await ReviewApi.Json(response, status);
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, body.GetProperty("status").GetInt32());
            Assert.True(body.TryGetProperty("errors", out _), body.ToString());
            if (message is not null)
            {
                Assert.Contains(message, body.ToString());
            }
        }
        return body;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Register_EachKindOfFailure_HasItsStatus(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var created = await Expect(await office.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "住民基本台帳ファイル")), HttpStatusCode.Created);
        var id = created.Id();
        var firstVersion = created.GetProperty("version").GetString();

        var changed = await Expect(await office.Client.PutAsJsonAsync($"/api/v1/register/{id}", File(tenant, "住民基本台帳ファイル（改）", firstVersion)), HttpStatusCode.OK);
        Assert.Equal("住民基本台帳ファイル（改）", changed.GetProperty("content").GetProperty("name").GetString());
        Assert.NotEqual(firstVersion, changed.GetProperty("version").GetString());

        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/register/{id}", File(tenant, "古い画面からの変更", firstVersion)), HttpStatusCode.Conflict, "他の人が先に");
        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/register/{id}", File(tenant, "")), HttpStatusCode.BadRequest, "名称");
        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/register/{Missing}", File(tenant, "ない")), HttpStatusCode.NotFound, "見つかりません");
        await Expect(await office.Client.PostAsync($"/api/v1/register/{Missing}/submit", null), HttpStatusCode.NotFound, "見つかりません");
        await Expect(await office.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.Conflict, "確認待ちのファイルだけ");
        await Expect(await office.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
        await Expect(await office.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.Conflict, "現在の状態：確認待ち");
        await Expect(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/return", new { comment = "" }), HttpStatusCode.BadRequest, "差し戻す理由");

        var stored = await Expect(await office.Client.GetAsync($"/api/v1/register/{id}"), HttpStatusCode.OK);
        Assert.Equal("住民基本台帳ファイル（改）", stored.GetProperty("content").GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Organization_PutAnswers200_StaleAnswers409_MissingAnswers404(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);

        var department = await Expect(await admin.Client.PostAsJsonAsync("/api/v1/organization/departments", new { name = "税務部" }), HttpStatusCode.Created);
        var version = department.GetProperty("version").GetString();
        var renamed = await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/departments/{department.Id()}", new { name = "財務部", version }),
            HttpStatusCode.OK);
        Assert.Equal("財務部", renamed.GetProperty("name").GetString());
        await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/departments/{department.Id()}", new { name = "古い名称", version }),
            HttpStatusCode.Conflict, "財務部");
        await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/departments/{Missing}", new { name = "ない部" }), HttpStatusCode.NotFound);

        var staff = await Expect(await admin.Client.PostAsJsonAsync("/api/v1/organization/staff",
            new { employeeNumber = "S1", name = "状態 確認", departmentId = tenant.OwnDepartmentId, status = "Active" }), HttpStatusCode.Created);
        var staffVersion = staff.GetProperty("version").GetString();
        var moved = await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{staff.Id()}",
            new { employeeNumber = "S1", name = "状態 確認", departmentId = tenant.OtherDepartmentId, status = "Active", version = staffVersion }), HttpStatusCode.OK);
        Assert.Equal(tenant.OtherDepartmentId.ToString(), moved.GetProperty("departmentId").GetString());
        await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{staff.Id()}",
            new { employeeNumber = "S1", name = "古い画面", departmentId = tenant.OwnDepartmentId, status = "Active", version = staffVersion }), HttpStatusCode.Conflict);
        await Expect(await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{Missing}",
            new { employeeNumber = "S2", name = "いない 人", departmentId = tenant.OwnDepartmentId, status = "Active" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reviews_EachKindOfFailure_HasItsStatus(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var business = await Expect(await office.Client.PostAsJsonAsync("/api/v1/reviews/businesses",
            new { name = "窓口業務の委託", departmentId = tenant.OwnDepartmentId, types = new[] { "Outsourcing" } }), HttpStatusCode.Created);
        var version = business.GetProperty("version").GetString();
        var update = new { name = "窓口業務の委託（改）", departmentId = tenant.OwnDepartmentId, types = new[] { "Outsourcing" }, version };
        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/reviews/businesses/{business.Id()}", update), HttpStatusCode.OK);
        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/reviews/businesses/{business.Id()}", update), HttpStatusCode.Conflict, "他の人が先に");
        await Expect(await office.Client.PutAsJsonAsync($"/api/v1/reviews/businesses/{Missing}", update), HttpStatusCode.NotFound, "事務が見つかりません");

        var round = await ReviewApi.RoundAsync(office, "令和5年度 第1回");
        await Expect(await office.Client.PostAsJsonAsync($"/api/v1/reviews/rounds/{Missing}/status", new { status = "Closed" }), HttpStatusCode.NotFound);
        await Expect(await office.Client.PostAsJsonAsync($"/api/v1/reviews/rounds/{round}/status", new { status = "Nope" }), HttpStatusCode.BadRequest, "status");
        await Expect(await office.Client.PostAsJsonAsync($"/api/v1/reviews/rounds/{round}/status", new { status = "Reported" }), HttpStatusCode.Conflict,
            "締め切ってから");
        var draft = await ReviewApi.CaseAsync(office, round, business.Id(), "窓口の委託", "Outsourcing");
        await Expect(await office.Client.PostAsync($"/api/v1/reviews/cases/{Missing}/submit", null), HttpStatusCode.NotFound, "案件が見つかりません");
        await Expect(await office.Client.PostAsync($"/api/v1/reviews/cases/{draft.Id()}/withdraw", null), HttpStatusCode.NoContent);
        await Expect(await office.Client.PostAsync($"/api/v1/reviews/cases/{draft.Id()}/withdraw", null), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pages_MissingRecordAnswers404_RefusedStepReturnsToThePageWithItsMessage(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var created = await Expect(await office.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "画面で確かめるファイル")), HttpStatusCode.Created);

        var page = $"/register/{created.Id()}";
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync(page, [], $"/register/{Missing}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync(page, [], $"/register/{Missing}/review?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync(page, [], $"/reviews/rounds/{Missing}?handler=Close")).StatusCode);

        var refused = await office.PostFormAsync(page, [], $"{page}/review?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(page, refused.Headers.Location?.OriginalString);
        Assert.Contains("確認待ちのファイルだけを確認済みにできます", await office.GetPageAsync(page));
    }
}
