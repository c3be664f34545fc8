using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Standardization;

/// <summary>
/// The move to 標準準拠システム: the office starts from the twenty standard 業務 (once), a 所管課 records its own 業務'
/// moves with their dates and phase checked, and a move that changes how specific personal information is handled
/// becomes a 重要な変更 of the PIA business (re-opening its evaluation), once; the dashboard shows where each stands.
/// </summary>
public sealed class StandardizationTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheStandardList_AMoveWithItsDates_AndThePiaChangeItIs(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));

        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/v1/standardization/seed", new { })).StatusCode);
        Assert.Equal(20, (await ReadAsync(await office.PostAsJsonAsync("/api/v1/standardization/seed", new { departmentId = tenant.OtherDepartmentId }), HttpStatusCode.OK))
            .GetProperty("added").GetInt32());
        Assert.Equal(0, (await ReadAsync(await office.PostAsJsonAsync("/api/v1/standardization/seed", new { departmentId = tenant.OtherDepartmentId }), HttpStatusCode.OK))
            .GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/v1/standardization/seed", new { departmentId = tenant.OwnDepartmentId })).StatusCode);

        // The 所管課 sees none of the office's twenty (they sit with the other department until given out) and adds its own.
        Assert.Equal(0, (await ReadAsync(await department.GetAsync("/api/v1/standardization"), HttpStatusCode.OK)).GetArrayLength());
        var elsewhere = await department.PostAsJsonAsync("/api/v1/standardization", new { name = "住民基本台帳（附票を含む）", departmentId = tenant.OtherDepartmentId });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var business = Id(await ReadAsync(await department.PostAsJsonAsync("/api/v1/assessments/businesses",
            new { name = "住民基本台帳に関する事務", departmentId = tenant.OwnDepartmentId, subjectCount = 340_000, staffHandlers = 120 }), HttpStatusCode.Created));
        object Move(string phase, string? migratedOn) => new
        {
            name = "住民基本台帳（附票を含む）",
            departmentId = tenant.OwnDepartmentId,
            currentSystem = "住民情報システム",
            currentVendor = "株式会社まもり",
            targetSystem = "標準準拠 住民記録システム",
            model = "共同利用方式",
            cloud = "ガバメントクラウド（AWS）",
            ismapListed = true,
            plannedOn = "令和9年1月4日",
            migratedOn,
            phase,
            assessedBusinessId = business,
            changesSpecificPersonalInfo = true,
        };
        var noDay = await department.PostAsJsonAsync("/api/v1/standardization", Move("移行済", null));
        Assert.Equal(HttpStatusCode.BadRequest, noDay.StatusCode);
        Assert.Contains("migratedOn", await noDay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsJsonAsync("/api/v1/standardization", Move("Testing", "2027-01-04"))).StatusCode);
        var move = await ReadAsync(await department.PostAsJsonAsync("/api/v1/standardization", Move("Building", null)), HttpStatusCode.Created);
        Assert.True(move.GetProperty("needsPiaChange").GetBoolean());
        Assert.Equal("Shared", move.GetProperty("model").GetString());

        // The move is recorded as the business's 重要な変更; a 事前 section re-opens its evaluation, due the day before.
        var recorded = await ReadAsync(await department.PostAsJsonAsync($"/api/v1/standardization/{Id(move)}/pia-change", new { }), HttpStatusCode.OK);
        Assert.False(recorded.GetProperty("needsPiaChange").GetBoolean());
        var changeId = recorded.GetProperty("assessmentChangeId").GetGuid();
        var change = await factory.AsSystemAsync((_, db) => db.AssessmentChanges.FirstAsync(c => c.Id == changeId));
        Assert.Equal(new DateOnly(2027, 1, 4), change.PlannedOn);
        Assert.Contains("標準準拠システム", change.Summary);
        Assert.NotNull(change.AssessmentId);
        Assert.Equal(HttpStatusCode.Conflict, (await department.PostAsJsonAsync($"/api/v1/standardization/{Id(move)}/pia-change", new { })).StatusCode);

        // The council consultation that follows on the re-opened evaluation shows on the dashboard beside the 業務.
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await Council.CouncilPages.CouncilAsync(browser, "個人情報保護審議会");
        // (The evaluation's own steps up to the consultation are the PIA tests'; here the 諮問 is simply made and linked.)
        var itemId = await factory.AsSystemAsync(async (_, db) =>
        {
            var item = new Core.Features.Council.AgendaItem
            {
                MunicipalityId = tenant.MunicipalityId,
                CouncilId = councilId,
                Kind = Core.Features.Council.ItemKind.Consultation,
                Number = 1,
                Title = "住民基本台帳に関する事務の全項目評価書の第三者点検について",
            };
            db.AgendaItems.Add(item);
            (await db.Assessments.FirstAsync(a => a.Id == change.AssessmentId)).ConsultationItemId = item.Id;
            await db.SaveChangesAsync();
            return item.Id;
        });
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/standardization"));
        Assert.Contains($"<a href=\"/council/items/{itemId}\">審議会 諮問第1号</a>", page);
        Assert.Contains("住民基本台帳（附票を含む）", page);
        Assert.Contains("重要な変更を記録済み", page);
        Assert.Contains("未着手：20 件", page);
        Assert.Contains("構築・データ移行：1 件", page);
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = Client(factory, await TokenAsync(factory, other, UserRole.Office));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/standardization/{Id(move)}")).StatusCode);
    }
}
