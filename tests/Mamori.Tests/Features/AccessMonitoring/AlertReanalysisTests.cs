using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.AccessMonitoring;

/// <summary>
/// A re-analysis of a day (after its logs were replaced, or a master or the allowlist changed) that no longer finds an
/// alert marks it instead of leaving it open: an untouched one is closed as 再分析で非検出, one under investigation keeps
/// its state with the mark; found again, it is reopened. Every step is in the alert's history.
/// </summary>
public sealed class AlertReanalysisTests(AppFixture app)
{
    private static readonly DateOnly Day = new(2024, 4, 10);

    private static DetectedAlert Found(string rule, string user) => new(rule, user, "戸籍住民課", Day, null, "high", 3);

    private static async Task RecordAsync(MamoriFactory factory, TestTenant tenant, params DetectedAlert[] alerts)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        // As the background job runs it: acting for the municipality that asked.
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("", "分析 太郎（バックグラウンド処理）", tenant.MunicipalityId, null, false);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await AccessAlerts.RecordAsync(db, tenant.MunicipalityId, Day, Day, 100, alerts, [new DetectedDay(Day, 100, 90, 80)], 0.1, "分析 太郎",
            factory.Clock.GetUtcNow().UtcDateTime, default);
    }

    private static Task<Dictionary<string, AccessAlert>> AlertsAsync(MamoriFactory factory, TestTenant tenant) =>
        factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Include(a => a.Comments).Where(a => a.MunicipalityId == tenant.MunicipalityId)
            .ToDictionaryAsync(a => a.UserId));

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAlertNoLongerFound_IsClosedOrMarked_AndReopenedWhenFoundAgain(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RecordAsync(factory, tenant, Found("R01", "stays"), Found("R02", "working"), Found("R03", "untouched"));
        var working = (await AlertsAsync(factory, tenant))["working"];
        await factory.AsSystemAsync(async (_, db) =>
        {
            var moved = await AccessAlerts.MoveAsync(db, working.Id, working.Version, new AlertMove(AlertStatus.Investigating, null, null, null), "監視 花子",
                factory.Clock.GetUtcNow().UtcDateTime, default);
            Assert.True(moved.Ok, moved.Describe());
            return 0;
        });

        // The day analysed again finds only the first.
        await RecordAsync(factory, tenant, Found("R01", "stays"));
        var after = await AlertsAsync(factory, tenant);
        Assert.Equal((AlertStatus.New, (DateTime?)null), (after["stays"].Status, after["stays"].WithdrawnAt));
        Assert.Equal((AlertStatus.Closed, AlertOutcome.NotDetected), (after["untouched"].Status, after["untouched"].Outcome));
        Assert.NotNull(after["untouched"].WithdrawnAt);
        Assert.Contains(after["untouched"].Comments, c => c.To == AlertStatus.Closed && (c.Text ?? "").Contains("検出されなくなった", StringComparison.Ordinal));
        Assert.Equal(AlertStatus.Investigating, after["working"].Status);
        Assert.NotNull(after["working"].WithdrawnAt);
        Assert.Contains(after["working"].Comments, c => (c.Text ?? "").Contains("確認の結果を記録して完了", StringComparison.Ordinal));
        using (var security = await Browser.SignInAsync(factory, tenant, UserRole.Security))
        {
            Assert.Contains("再分析で、このアラートは検出されなくなりました", await security.GetPageAsync($"/access/alerts/{working.Id}"));
            Assert.Contains("再分析で非検出", await security.GetPageAsync($"/access/alerts/{after["untouched"].Id}"));
            // In the list, the alert still under investigation carries the mark beside its state.
            Assert.Contains("<span class=\"badge\">再分析で非検出</span>", await security.GetPageAsync("/access?Status=all&From=2024-04-01&To=2024-04-30"));
        }

        // Analysed once more: the closed one is found again and reopened; nothing is withdrawn twice.
        await RecordAsync(factory, tenant, Found("R01", "stays"), Found("R03", "untouched"));
        var again = await AlertsAsync(factory, tenant);
        Assert.Equal((AlertStatus.New, (AlertOutcome?)null, (DateTime?)null), (again["untouched"].Status, again["untouched"].Outcome, again["untouched"].WithdrawnAt));
        Assert.Contains(again["untouched"].Comments, c => (c.Text ?? "").Contains("再び検出", StringComparison.Ordinal));
        Assert.Equal(after["working"].Comments.Count, again["working"].Comments.Count);
    }
}
