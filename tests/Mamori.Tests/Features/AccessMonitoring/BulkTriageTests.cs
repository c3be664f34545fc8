using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.AccessMonitoring;

/// <summary>
/// Several alerts of one user moved together: each checked as if moved alone, each with the comment in its own history,
/// all or none — one alert that cannot move (its state, a version changed meanwhile) leaves every alert as it was.
/// </summary>
public sealed class BulkTriageTests(AppFixture app)
{
    private static async Task<List<AccessAlert>> SeedAsync(MamoriFactory factory, TestTenant tenant) => await factory.AsSystemAsync(async (_, db) =>
    {
        var analysis = new AccessAnalysis { MunicipalityId = tenant.MunicipalityId, From = new DateOnly(2024, 4, 1), To = new DateOnly(2024, 4, 30), RanBy = "テスト" };
        db.AccessAnalyses.Add(analysis);
        var alerts = Enumerable.Range(1, 4).Select(i => new AccessAlert
        {
            MunicipalityId = tenant.MunicipalityId,
            AnalysisId = analysis.Id,
            Rule = "R08",
            UserId = "S00777",
            UserDept = "戸籍住民課",
            Day = new DateOnly(2024, 4, i),
            Severity = "medium",
            Count = 3,
            Status = i == 4 ? AlertStatus.Closed : AlertStatus.New,
            Outcome = i == 4 ? AlertOutcome.Legitimate : null,
        }).ToList();
        db.AccessAlerts.AddRange(alerts);
        await db.SaveChangesAsync();
        return alerts;
    });

    private static Task<List<AccessAlert>> StoredAsync(MamoriFactory factory, IEnumerable<AccessAlert> alerts)
    {
        var ids = alerts.Select(a => a.Id).ToList();
        return factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Include(a => a.Comments).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Day).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SelectedAlerts_MoveTogether_AllOrNone(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var alerts = await SeedAsync(factory, tenant);
        var open = alerts.Take(3).ToList();
        using var security = Client(factory, await TokenAsync(factory, tenant, UserRole.Security));
        object Body(IEnumerable<AccessAlert> which, string to, string? comment, Func<AccessAlert, Guid>? version = null) =>
            new { alerts = which.Select(a => new { id = a.Id, version = (version ?? (x => x.Version))(a) }), to, comment };

        // The three open ones to 確認中 in one move.
        var moved = await ReadAsync(await security.PostAsJsonAsync("/api/v1/access/alerts/move", Body(open, "Investigating", "時間外の操作をまとめて確認する。")), HttpStatusCode.OK);
        Assert.Equal(3, moved.GetProperty("moved").GetInt32());
        var stored = await StoredAsync(factory, open);
        Assert.All(stored, a => Assert.Equal(AlertStatus.Investigating, a.Status));
        Assert.All(stored, a => Assert.Equal("時間外の操作をまとめて確認する。", Assert.Single(a.Comments).Text));

        // To 所属長確認 without a comment: refused once, by field, nothing changes.
        var noComment = await security.PostAsJsonAsync("/api/v1/access/alerts/move", Body(stored, "SupervisorReview", null));
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("comment", await noComment.Content.ReadAsStringAsync());

        // One of them changed by someone else meanwhile, and the closed one included: both named, none moved.
        var refused = await security.PostAsJsonAsync("/api/v1/access/alerts/move",
            Body(stored.Append(alerts[3]), "SupervisorReview", "本人に聞き取り済み。", a => a.Id == stored[1].Id ? Guid.NewGuid() : a.Version));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("次の2件を進められないため、どのアラートも変えていません。", why);
        Assert.Contains("令和6年4月2日 R08", why);
        Assert.Contains("令和6年4月4日 R08", why);
        Assert.DoesNotContain("令和6年4月1日", why);
        Assert.All(await StoredAsync(factory, open), a => Assert.Equal((AlertStatus.Investigating, 1), (a.Status, a.Comments.Count)));

        // Nothing selected, or more than a page, is refused by name.
        Assert.Equal(HttpStatusCode.BadRequest, (await security.PostAsJsonAsync("/api/v1/access/alerts/move", Body([], "Investigating", null))).StatusCode);

        // From the list page: ticked rows and the move, back to the same filtered list.
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("UserId", "S00777"), new("Bulk.To", "SupervisorReview"), new("Bulk.Comment", "本人に聞き取り。窓口の延長対応と確認。"),
        };
        fields.AddRange(stored.Select(a => new KeyValuePair<string, string>("Selected", $"{a.Id}:{a.Version}")));
        var posted = await browser.PostFormAsync("/access?UserId=S00777", fields, "/access?handler=Bulk");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/access?UserId=S00777", posted.Headers.Location!.OriginalString);
        Assert.All(await StoredAsync(factory, open), a => Assert.Equal((AlertStatus.SupervisorReview, 2), (a.Status, a.Comments.Count)));

        // A reader may look but not move; another municipality's alerts are not found.
        using var auditor = Client(factory, await TokenAsync(factory, tenant, UserRole.Auditor));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/access/alerts/move", Body(open, "Investigating", "x"))).StatusCode);
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = Client(factory, await TokenAsync(factory, other, UserRole.Security));
        var foreign = await stranger.PostAsJsonAsync("/api/v1/access/alerts/move", Body(open, "Investigating", "差戻し"));
        Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        Assert.Contains("選んだアラート（見つかりません）", await foreign.Content.ReadAsStringAsync());
    }
}
