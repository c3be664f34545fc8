using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// PIA through the API with the pages' rules: a 所管課 registers its own business only, an evaluation's steps go in
/// order, and the office's consultation creates the council's 諮問.
/// </summary>
public sealed class AssessmentsApiTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ABusiness_ItsEvaluationInOrder_AndTheConsultation(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department, modules: "assessments"));
        object Business(Guid departmentId) => new
        {
            name = "住民基本台帳に関する事務",
            departmentId,
            subjectCount = 340_000,
            staffHandlers = 120,
            contractorHandlers = 30,
        };

        var elsewhere = await department.PostAsJsonAsync("/api/v1/assessments/businesses", Business(tenant.OtherDepartmentId));
        Assert.True(elsewhere.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)elsewhere.StatusCode}");
        var business = await ReadAsync(await department.PostAsJsonAsync("/api/v1/assessments/businesses", Business(tenant.OwnDepartmentId)), HttpStatusCode.Created);
        var evaluation = await ReadAsync(await department.PostAsJsonAsync($"/api/v1/assessments/businesses/{Id(business)}/evaluations",
            new { kind = "Initial", targetOn = "2027-03-31" }), HttpStatusCode.Created);
        Assert.Equal("full", evaluation.GetProperty("level").GetString());

        // Submission before the draft, the meeting, the comment and the 第三者点検: refused, nothing recorded.
        var early = await department.PutAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/steps/Submission",
            new { doneOn = "2026-11-20", version = Version(evaluation) });
        Assert.True(early.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)early.StatusCode} {await early.Content.ReadAsStringAsync()}");
        Assert.Null(await factory.AsSystemAsync((_, db) => db.Assessments.Where(a => a.Id == Id(evaluation)).Select(a => a.SubmittedOn).FirstAsync()));
        var drafted = await ReadAsync(await department.PutAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/steps/Draft",
            new { doneOn = "2026-09-01", version = Version(evaluation) }), HttpStatusCode.OK);
        Assert.Equal("2026-09-01", drafted.GetProperty("draftDoneOn").GetString());
        var met = await ReadAsync(await department.PutAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/steps/InternalMeeting",
            new { doneOn = "2026-09-15", meetingName = "区民部庁議", version = Version(drafted) }), HttpStatusCode.OK);
        await ReadAsync(await department.PutAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/steps/PublicComment",
            new { commentStartOn = "2026-09-20", commentEndOn = "2026-10-20", commentOpinions = 2, commentResponses = "2件とも趣旨を評価書に反映", version = Version(met) }), HttpStatusCode.OK);

        // The 所管課 cannot consult the council; the office can, and the 諮問 appears in the council's items.
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilPages.CouncilAsync(browser, "個人情報保護審議会");
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/consultation", new { councilId })).StatusCode);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "assessments"));
        var consulted = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/assessments/{Id(evaluation)}/consultation", new { councilId }), HttpStatusCode.OK);
        var itemId = consulted.GetProperty("consultationItemId").GetGuid();
        Assert.True(await factory.AsSystemAsync((_, db) => db.AgendaItems.AnyAsync(i => i.Id == itemId && i.CouncilId == councilId)));
    }
}
