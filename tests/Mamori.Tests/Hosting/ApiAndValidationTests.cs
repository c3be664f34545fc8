using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Hosting;

/// <summary>Bad input gets a Japanese message that says what to fix, and changes nothing.</summary>
public sealed class ApiAndValidationTests(AppFixture app)
{
    private static Task<int> StaffCount(MamoriFactory factory, TestTenant tenant) =>
        factory.AsSystemAsync((_, db) => db.Staff.CountAsync(s => s.MunicipalityId == tenant.MunicipalityId));

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MalformedJson_GivesJapaneseProblemDetails(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var response = await admin.Client.PostAsync("/api/v1/organization/staff", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.Contains("形式が正しくありません", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StaffCount(factory, tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MissingAndInvalidFields_GiveFieldErrorsInJapanese_AndCreateNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var response = await admin.Client.PostAsJsonAsync("/api/v1/organization/staff", new { name = "", startDate = "令和6年2月30日" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("存在しない日付", problem.GetProperty("errors").GetProperty("startDate")[0].GetString());

        var second = await admin.Client.PostAsJsonAsync("/api/v1/organization/staff", new { name = "", status = "Active" });
        var errors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("職員番号を入力してください。", errors.GetProperty("employeeNumber")[0].GetString());
        Assert.Equal("氏名を入力してください。", errors.GetProperty("name")[0].GetString());
        Assert.Equal("所属する部署を選んでください。", errors.GetProperty("departmentId")[0].GetString());
        Assert.Equal(0, await StaffCount(factory, tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MalformedForm_RedisplaysWithJapaneseErrorsAndKeepsInput(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var response = await admin.PostFormAsync("/organization/staff/edit", new()
        {
            ["Input.EmployeeNumber"] = "F1",
            ["Input.Name"] = "入力 保持",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Status"] = "Active",
            ["Input.StartDate"] = "平成31年5月1日",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("入力内容を確認してください", html);
        Assert.Contains("平成の期間外です。令和元年5月1日", html);
        Assert.Contains("value=\"入力 保持\"", html);
        Assert.Equal(0, await StaffCount(factory, tenant));

        var ok = await admin.PostFormAsync("/organization/staff/edit", new()
        {
            ["Input.EmployeeNumber"] = "F1",
            ["Input.Name"] = "入力 保持",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.Status"] = "Active",
            ["Input.StartDate"] = "令和元年５月１日",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await factory.AsSystemAsync((_, db) => db.Staff.SingleAsync(s => s.MunicipalityId == tenant.MunicipalityId));
        Assert.Equal(new DateOnly(2019, 5, 1), saved.StartDate);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AbsencePeriod_AddedToExistingStaff_IsSavedAndOverlapsAreRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var created = await (await admin.Client.PostAsJsonAsync("/api/v1/organization/staff",
            new { employeeNumber = "P1", name = "休業 取得", departmentId = tenant.OwnDepartmentId })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var added = await admin.PostFormAsync($"/organization/staff/edit/{id}",
            new() { ["AbsenceStart"] = "令和6年4月1日", ["AbsenceEnd"] = "", ["AbsenceReason"] = "育児休業" },
            action: $"/organization/staff/edit/{id}?handler=AddAbsence");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var overlap = await admin.PostFormAsync($"/organization/staff/edit/{id}",
            new() { ["AbsenceStart"] = "2024-06-01", ["AbsenceEnd"] = "2024-07-01", ["AbsenceReason"] = "病気休職" },
            action: $"/organization/staff/edit/{id}?handler=AddAbsence");
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        Assert.Contains("既に登録されている期間（令和6年4月1日〜）と重なっています", await overlap.Content.ReadAsStringAsync());

        var staff = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organization/staff/{id}");
        var absence = Assert.Single(staff.GetProperty("absences").EnumerateArray());
        Assert.Equal("2024-04-01", absence.GetProperty("start").GetString());
        Assert.Equal("育児休業", absence.GetProperty("reason").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentEdit_IsRefusedWithWhatChanged(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var created = await (await admin.Client.PostAsJsonAsync("/api/v1/organization/staff",
            new { employeeNumber = "C1", name = "競合 元", departmentId = tenant.OwnDepartmentId })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetString();
        var first = await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{id}",
            new { employeeNumber = "C1", name = "競合 先", departmentId = tenant.OwnDepartmentId, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{id}",
            new { employeeNumber = "C1", name = "競合 後", departmentId = tenant.OwnDepartmentId, version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("他の人が先にこの職員を更新しました（現在：競合 先", await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DuplicateEmployeeNumber_IsRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        await admin.Client.PostAsJsonAsync("/api/v1/organization/staff", new { employeeNumber = "D1", name = "一人目", departmentId = tenant.OwnDepartmentId });
        var dup = await admin.Client.PostAsJsonAsync("/api/v1/organization/staff", new { employeeNumber = "Ｄ１", name = "二人目", departmentId = tenant.OwnDepartmentId });
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Contains("職員番号 D1 は既に登録されています", await dup.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersJapaneseProblemDetails()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var response = await admin.GetAsync($"/api/v1/organization/staff/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("見つかりません", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpoint_ItsSummary_AndItsRefusals()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        Assert.Equal("Mamori API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");

        // Every /api/v1 route the application answers is in the document, with its method, a Japanese summary, and —
        // for a change — the 400 / 404 / 409 problem answers a client must handle.
        var routes = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern)))
            .ToList();
        Assert.True(routes.Count > 200, $"{routes.Count}");
        var problems = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            // The document writes /api/v1/x/{id} where the route says /api/v1/x/{id:guid}.
            var path = System.Text.RegularExpressions.Regex.Replace(pattern.RawText!.TrimEnd('/'), @"\{([^}:?]+)[^}]*\}", "{$1}");
            if (!paths.TryGetProperty(path, out var item) && !paths.TryGetProperty(path + "/", out item))
            {
                problems.Add($"{method} {path}: 文書にない");
                continue;
            }
            if (!item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                problems.Add($"{method} {path}: メソッドがない");
                continue;
            }
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                problems.Add($"{method} {path}: 説明（summary）がない");
            }
            if (method is "POST" or "PUT" or "DELETE" && !(operation.GetProperty("responses").TryGetProperty("400", out _) || operation.GetProperty("responses").TryGetProperty("404", out _)))
            {
                problems.Add($"{method} {path}: 拒否の応答（400・404）が書かれていない");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
