using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// Findings and incidents through the API with the pages' rules: the office records an inspection and its finding, the
/// 所管課 answers with evidence and the office confirms; a 所管課 token never sees or writes another department's
/// records; only the office judges a 重大事故; a report with missing items is refused by name.
/// </summary>
public sealed class FindingsApiTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AFinding_IsAnsweredByItsDepartment_WithEvidence_AndConfirmedByTheOffice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "findings"));
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department, modules: "findings"));

        var inspection = await ReadAsync(await office.PostAsJsonAsync("/api/v1/findings/inspections", new
        {
            source = "内部監査",
            title = "令和8年度 個人情報保護監査",
            startOn = "令和8年10月1日",
            departmentIds = new[] { tenant.OwnDepartmentId, tenant.OtherDepartmentId },
        }), HttpStatusCode.Created);
        var own = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/findings/inspections/{Id(inspection)}/findings", new
        {
            law = "PersonalInformation",
            heading = "保有個人情報の持出し記録の不備",
            text = "持出簿に返却日の記載がない。",
            departmentId = tenant.OwnDepartmentId,
            dueOn = "2027-01-31",
        }), HttpStatusCode.Created);
        var other = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/findings/inspections/{Id(inspection)}/findings", new
        {
            law = "PersonalInformation",
            heading = "アクセス権限の棚卸し未実施",
            text = "年1回の棚卸しの記録がない。",
            departmentId = tenant.OtherDepartmentId,
        }), HttpStatusCode.Created);

        // The 所管課 sees and answers its own finding only.
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/findings/{Id(other)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsJsonAsync($"/api/v1/findings/{Id(other)}/response",
            new { countermeasure = "棚卸しする", owner = "係長", status = "InProgress", version = Version(other) })).StatusCode);
        var answered = await ReadAsync(await department.PostAsJsonAsync($"/api/v1/findings/{Id(own)}/response",
            new { countermeasure = "持出簿に返却日欄を設け、毎週係長が確認する。", owner = "戸籍係長", status = "対応済", doneOn = "2026-11-20", version = Version(own) }), HttpStatusCode.OK);
        using var evidence = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 持出簿"u8.ToArray()), "file", "持出簿.pdf" },
            { new StringContent("改訂した持出簿"), "title" },
        };
        await ReadAsync(await department.PostAsync($"/api/v1/findings/{Id(own)}/evidence", evidence), HttpStatusCode.OK);
        // A 所管課 cannot close its own finding; the office does.
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/v1/findings/{Id(own)}/check", new { confirm = true, version = Version(answered) })).StatusCode);
        var confirmed = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/findings/{Id(own)}/check",
            new { confirm = true, checkedOn = "2026-11-25", note = "持出簿の改訂を確認", version = Version(answered) }), HttpStatusCode.OK);
        Assert.Equal("2026-11-25", confirmed.GetProperty("checkedOn").GetString());
        // The same version a second time: the record moved on.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/findings/{Id(own)}/check",
            new { confirm = true, checkedOn = "2026-11-25", version = Version(answered) })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnIncident_KeepsToItsDepartment_TheOfficeJudges重大事故_AndAnIncompleteReportIsRefusedByName(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department, modules: "findings"));
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "findings"));
        object Incident(Guid departmentId, bool serious, Guid? version = null) => new
        {
            title = "住民票の写しの誤交付",
            departmentId,
            kind = "漏えい",
            learnedOn = "令和8年11月24日",
            occurredOn = "2026-11-24",
            summary = "窓口で別人の住民票の写しを交付した。",
            dataItems = "氏名、住所、生年月日",
            affectedCount = 1,
            isSerious = serious,
            version,
        };

        var refused = await department.PostAsJsonAsync("/api/v1/incidents", Incident(tenant.OtherDepartmentId, false));
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)refused.StatusCode}");
        var judging = await department.PostAsJsonAsync("/api/v1/incidents", Incident(tenant.OwnDepartmentId, true));
        Assert.Equal(HttpStatusCode.BadRequest, judging.StatusCode);
        Assert.Contains("重大事故かどうかは事務局が判断します", await judging.Content.ReadAsStringAsync());
        var created = await ReadAsync(await department.PostAsJsonAsync("/api/v1/incidents", Incident(tenant.OwnDepartmentId, false)), HttpStatusCode.Created);
        var judged = await ReadAsync(await office.PutAsJsonAsync($"/api/v1/incidents/{Id(created)}", Incident(tenant.OwnDepartmentId, true, Version(created))), HttpStatusCode.OK);
        Assert.True(judged.GetProperty("isSerious").GetBoolean());

        var report = await department.PostAsJsonAsync($"/api/v1/incidents/{Id(created)}/reports", new { kind = "速報", sentOn = "2026-11-25" });
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Contains("速報に必要な項目が入力されていません：報告の対象となる事態", await report.Content.ReadAsStringAsync());
        Assert.False(await factory.AsSystemAsync((_, db) => db.IncidentReports.AnyAsync(r => r.IncidentId == Id(created))));

        var other = await TestTenant.CreateAsync(factory);
        using var foreign = Client(factory, await TokenAsync(factory, other, UserRole.Office));
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/incidents/{Id(created)}")).StatusCode);
    }
}
