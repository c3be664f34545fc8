using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Reports;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// Statistics and the yearly reports through the API with the pages' rules: a definition checked as on the page, an
/// import that stops on a wrong total until the caller chooses, the public page, a period removed; a report from a
/// built-in template, its sections edited with a version, a second report for the same year refused.
/// </summary>
public sealed class StatisticsReportsApiTests(AppFixture app)
{
    private static object Column(string name, string kind = "Input", string operands = "", int digits = 0, string rounding = "HalfUp") =>
        new { name, kind, operands, digits, rounding };

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ADefinition_AnImportWithAChoice_ThePublicPage_AndAPeriodRemoved(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "statistics"));

        var misordered = await api.PostAsJsonAsync("/api/v1/statistics", new
        {
            name = "カード未交付の状況",
            periodKind = "基準日",
            labelName = "区名",
            columns = new[] { Column("未交付率", "Rate", "未交付数、申請数", 1), Column("申請数") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, misordered.StatusCode);
        Assert.Contains("計算に使う列「未交付数」が、この列より前にありません", await misordered.Content.ReadAsStringAsync());
        var definition = await ReadAsync(await api.PostAsJsonAsync("/api/v1/statistics", new
        {
            name = "カード未交付の状況",
            periodKind = "AsOfDate",
            labelName = "区名",
            columns = new[] { Column("申請数"), Column("交付数"), Column("未交付数", "Difference", "申請数、交付数"), Column("未交付率", "Rate", "未交付数、申請数", 1, "Down") },
        }), HttpStatusCode.Created);
        var key = definition.GetProperty("key").GetString()!;
        Assert.Equal("未交付数、申請数", definition.GetProperty("columns")[3].GetProperty("operands").GetString());
        int Rows() => factory.AsSystemAsync((_, db) => db.StatRows.IgnoreQueryFilters().CountAsync(r => r.Dataset == key)).GetAwaiter().GetResult();

        // 甲区's 未交付数 (999) is not 9 − 3: nothing stored until the caller chooses; then the file's figure is kept.
        var csv = new StringContent($"区名,申請数,交付数,未交付数\n{tenant.Name},16,15,1\n甲区,9,3,999\n", Encoding.UTF8, "text/csv");
        var check = await api.PostAsync($"/api/v1/statistics/{key}/import?fileName=mikofu_2023-10-31.csv", csv);
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var why = await check.Content.ReadAsStringAsync();
        Assert.Contains("mikofu_2023-10-31.csv の 3 行目 甲区「未交付数」: ファイル 999、計算 6", why);
        Assert.Equal(0, Rows());
        var noDay = await api.PostAsync($"/api/v1/statistics/{key}/import?fileName=mikofu.csv&supplied=Accept",
            new StringContent($"区名,申請数,交付数,未交付数\n{tenant.Name},16,15,1\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("asOf", await noDay.Content.ReadAsStringAsync());
        var accepted = await ReadAsync(await api.PostAsync($"/api/v1/statistics/{key}/import?fileName=mikofu_2023-10-31.csv&supplied=承認",
            new StringContent($"区名,申請数,交付数,未交付数\n{tenant.Name},16,15,1\n甲区,9,3,999\n", Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal(2, accepted.GetProperty("rows").GetInt32());
        Assert.Equal(1, accepted.GetProperty("differences").GetInt32());
        var table = await ReadAsync(await api.GetAsync($"/api/v1/statistics/{key}"), HttpStatusCode.OK);
        Assert.Equal(2, table.GetProperty("rows").GetArrayLength());

        Assert.True((await ReadAsync(await api.PutAsJsonAsync($"/api/v1/statistics/{key}/public", new { isPublic = true }), HttpStatusCode.OK))
            .GetProperty("isPublic").GetBoolean());
        using var visitor = Browser.Anonymous(factory);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/public/{tenant.Code}/statistics/{key}")).StatusCode);

        // A stale definition is refused; the period goes, then the definition.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/statistics/{key}/definition", new
        {
            name = "カード未交付",
            periodKind = "AsOfDate",
            labelName = "区名",
            columns = new[] { Column("申請数"), Column("交付数") },
            version = Guid.NewGuid(),
        })).StatusCode);
        var removed = await ReadAsync(await api.DeleteAsync($"/api/v1/statistics/{key}/periods/2023-10-31"), HttpStatusCode.OK);
        Assert.Equal(2, removed.GetProperty("rows").GetInt32());
        Assert.Equal(0, Rows());
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/statistics/{key}/definition")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/statistics/{key}/definition")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AReport_FromABuiltInTemplate_ItsSectionsEdited(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "statistics"));

        var template = await ReadAsync(await api.PostAsJsonAsync("/api/v1/reports/templates", new { builtIn = BuiltInReportTemplates.ResidentNetwork.Key }),
            HttpStatusCode.Created);
        Assert.Equal(BuiltInReportTemplates.ResidentNetwork.Sections.Count, template.GetProperty("sections").GetArrayLength());
        var added = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/reports/templates/{Id(template)}/sections", new
        {
            action = "Add",
            section = new { heading = "今後の取組", source = "Narrative", text = "研修を続ける。" },
            version = Version(template),
        }), HttpStatusCode.OK);
        Assert.Equal("今後の取組", added.GetProperty("sections")[added.GetProperty("sections").GetArrayLength() - 1].GetProperty("heading").GetString());
        var stale = await api.PostAsJsonAsync($"/api/v1/reports/templates/{Id(template)}/sections", new
        {
            action = "Add",
            section = new { heading = "二重", source = "Narrative" },
            version = Version(template),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var unknown = await api.PostAsJsonAsync($"/api/v1/reports/templates/{Id(template)}/sections", new { action = "Shuffle", version = Version(added) });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("action", await unknown.Content.ReadAsStringAsync());

        var report = await ReadAsync(await api.PostAsJsonAsync("/api/v1/reports", new { templateId = Id(template), fiscalYear = 2025 }), HttpStatusCode.Created);
        Assert.Equal(2025, report.GetProperty("fiscalYear").GetInt32());
        Assert.Contains(report.GetProperty("sections").EnumerateArray(), s => s.GetProperty("heading").GetString() == "今後の取組");
        var second = await api.PostAsJsonAsync("/api/v1/reports", new { templateId = Id(template), fiscalYear = 2025 });
        Assert.True(second.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)second.StatusCode}");
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.AnnualReports.CountAsync(r => r.MunicipalityId == tenant.MunicipalityId)));
        var last = report.GetProperty("sections")[report.GetProperty("sections").GetArrayLength() - 1];
        var edited = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/reports/{Id(report)}/sections", new
        {
            action = "Update",
            key = last.GetProperty("key").GetGuid(),
            section = new { heading = "今後の取組", source = "Narrative", text = "研修を全課で続ける。" },
            version = Version(report),
        }), HttpStatusCode.OK);
        Assert.Equal("研修を全課で続ける。", edited.GetProperty("sections")[edited.GetProperty("sections").GetArrayLength() - 1].GetProperty("text").GetString());

        // Attaching to a council item is the office's; the template in use cannot be removed; the report can.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/reports/{Id(report)}/attach", new { itemId = Guid.NewGuid() })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/reports/templates/{Id(template)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/reports/{Id(report)}")).StatusCode);
        Assert.False(await factory.AsSystemAsync((_, db) => db.AnnualReports.AnyAsync(r => r.Id == Id(report))));
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId
            && e.EntityType == "AnnualReport" && e.ActorName.Contains("API トークン"))));
    }
}
