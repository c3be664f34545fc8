using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// Access-monitoring triage through the API: セキュリティ担当 sends an alert under investigation to 所属長確認 with a comment
/// and keeps the allowlist (a resident stored only as the logs' pseudonym); 監査 reads but cannot move; one version moves once.
/// </summary>
public sealed class AccessApiTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAlert_IsSentToTheSupervisor_AndTheAllowlistIsKept(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var alert = await NoticeSetup.AlertAsync(factory, tenant, "戸籍住民課");
        using var security = Client(factory, await TokenAsync(factory, tenant, UserRole.Security, modules: "access"));
        using var auditor = Client(factory, await TokenAsync(factory, tenant, UserRole.Auditor, "Read", "監査の参照", "access"));

        var list = await ReadAsync(await auditor.GetAsync("/api/v1/access/alerts?status=確認中"), HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => Id(a) == alert.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/access/alerts/{alert.Id}/move",
            new { to = "Closed", outcome = "Violation", version = alert.Version })).StatusCode);

        var sent = await ReadAsync(await security.PostAsJsonAsync($"/api/v1/access/alerts/{alert.Id}/move",
            new { to = "所属長確認", supervisor = "戸籍住民課長", comment = "業務外の照会の疑い。所属長に確認を依頼。", version = alert.Version }), HttpStatusCode.OK);
        Assert.Equal("SupervisorReview", sent.GetProperty("status").GetString());
        // The same version a second time: the alert moved on.
        Assert.Equal(HttpStatusCode.Conflict, (await security.PostAsJsonAsync($"/api/v1/access/alerts/{alert.Id}/move",
            new { to = "SupervisorReview", supervisor = "課長", comment = "二度目", version = alert.Version })).StatusCode);
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.AlertComments.CountAsync(c => c.AlertId == alert.Id && c.Text!.Contains("所属長に確認を依頼"))));

        var entry = await ReadAsync(await security.PostAsJsonAsync("/api/v1/access/allowlist", new
        {
            rule = alert.Rule,
            userId = alert.UserId,
            residentId = "R-0001",
            reason = "本人の住民記録の確認（窓口の研修）",
            approvedBy = "情報管理課長",
            expiresOn = "2027-03-31",
        }), HttpStatusCode.Created);
        Assert.True(entry.GetProperty("forOneResident").GetBoolean());
        var stored = await factory.AsSystemAsync((_, db) => db.AccessAllowlist.Where(e => e.Id == Id(entry)).Select(e => e.ResidentId).FirstAsync());
        Assert.NotEqual("R-0001", stored);
        var bad = await security.PostAsJsonAsync("/api/v1/access/allowlist", new { rule = alert.Rule, userId = alert.UserId, reason = "x", approvedBy = "課長" });
        Assert.Contains("有効期限を入力してください", await bad.Content.ReadAsStringAsync());
        await ReadAsync(await security.DeleteAsync($"/api/v1/access/allowlist/{Id(entry)}"), HttpStatusCode.OK);
        Assert.False(await factory.AsSystemAsync((_, db) => db.AccessAllowlist.AnyAsync(e => e.Id == Id(entry))));
    }
}
