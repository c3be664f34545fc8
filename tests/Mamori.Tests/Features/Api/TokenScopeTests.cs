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
/// API tokens limited to modules: a council token reaches the council and nothing else, a read token of the council
/// cannot write it, every change is in the audit trail under the token's name, and 管理者 see and revoke every token.
/// </summary>
public sealed class TokenScopeTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AModuleToken_ReachesItsModuleOnly_IsAudited_AndIsRevokedBy管理者(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilPages.CouncilAsync(office, "情報公開・個人情報保護審議会");

        var council = await TokenAsync(factory, tenant, UserRole.Office, "Write", "会議の連携", "council");
        var reader = await TokenAsync(factory, tenant, UserRole.Office, "Read", "会議の参照", "council");
        using var program = Client(factory, council);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/council")).StatusCode);
        // The minutes search is part of the council module.
        Assert.NotEqual(HttpStatusCode.Forbidden, (await program.GetAsync("/api/v1/minutes/search?q=個人情報")).StatusCode);
        var outside = await program.GetAsync("/api/v1/register");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("「個人情報ファイル簿」を使うには", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/me")).StatusCode);

        var created = await program.PostAsJsonAsync("/api/v1/council/meetings", new { councilId, title = "第1回", kind = "InPerson", heldOn = "令和8年12月10日" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meetingId = (await created.Content.ReadFromJsonAsync<CouncilApiTests.Meeting>())!.Id;
        var actor = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.EntityKey == meetingId.ToString()).Select(e => e.ActorName).FirstAsync());
        Assert.Contains("API トークン「会議の連携」", actor);
        Assert.NotNull(await factory.AsSystemAsync((_, db) => db.PersonalAccessTokens.Where(t => t.Name == "会議の連携" && t.MunicipalityId == tenant.MunicipalityId)
            .Select(t => t.LastUsedAt).FirstAsync()));

        using var read = Client(factory, reader);
        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync($"/api/v1/council/meetings/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await read.PostAsync($"/api/v1/council/meetings/{meetingId}/held", null)).StatusCode);

        // 管理者 sees both tokens with their owner and modules, and revokes the writing one: it stops at once.
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var list = WebUtility.HtmlDecode(await admin.GetPageAsync("/organization/tokens"));
        Assert.Contains("会議の連携", list);
        Assert.Contains("審議会・会議録", list);
        Assert.Contains(tenant.UserName(UserRole.Office), list);
        var id = await factory.AsSystemAsync((_, db) => db.PersonalAccessTokens.Where(t => t.Name == "会議の連携" && t.MunicipalityId == tenant.MunicipalityId)
            .Select(t => t.Id).FirstAsync());
        var revoked = await admin.PostFormAsync("/organization/tokens", [], $"/organization/tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/council")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("/api/v1/council")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnUnknownModule_IsRefusedWithTheList(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var response = await office.PostFormAsync("/account/tokens",
            [new("Name", "x"), new("Days", "30"), new("Scope", "Read"), new("Modules", "payroll")], "/account/tokens?handler=Issue");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("対象の機能「payroll」はありません", html);
        Assert.False(await factory.AsSystemAsync((_, db) => db.PersonalAccessTokens.AnyAsync(t => t.MunicipalityId == tenant.MunicipalityId)));
    }
}
