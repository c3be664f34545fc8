using System.Diagnostics;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench;

/// <summary>
/// The notice scheduler's cost for one busy municipality: 1,000 open findings, 200 open incidents and 500 new
/// alerts. A round (every 10 minutes and after each change) reads every module and stores what is new; the
/// baseline is a tenth of a second per municipality, so that a deployment of 50 municipalities stays well inside
/// a round. Also times the first round (everything new) and one account's calendar feed.
/// </summary>
public static class NoticeBench
{
    private const double BaselineMs = 100;

    public static async Task RunAsync(int rounds)
    {
        Console.WriteLine($"Notices for one municipality with 1,000 findings, 200 incidents, 500 alerts; {rounds} rounds; baseline: {BaselineMs:F0} ms a round");
        Console.WriteLine($"{"database",-9} {"measure",-40} {"median ms",10} {"max ms",8} {"baseline",9}");
        foreach (var provider in TestDatabases.Providers)
        {
            await using var factory = new MamoriFactory(provider);
            _ = factory.Server;
            var tenant = await TestTenant.CreateAsync(factory, "計測市");
            var today = factory.Today;
            await factory.AsSystemAsync(async (_, db) =>
            {
                var inspection = new Inspection { MunicipalityId = tenant.MunicipalityId, Title = "計測用の検査", StartOn = today.AddDays(-100) };
                db.Inspections.Add(inspection);
                for (var i = 1; i <= 1000; i++)
                {
                    db.Findings.Add(new Finding
                    {
                        MunicipalityId = tenant.MunicipalityId,
                        InspectionId = inspection.Id,
                        DepartmentId = i % 2 == 0 ? tenant.OwnDepartmentId : tenant.OtherDepartmentId,
                        Number = i,
                        Heading = $"指摘{i}",
                        Text = "計測",
                        DueOn = today.AddDays(i % 40 - 10),
                        Status = i % 3 == 0 ? FindingStatus.InProgress : FindingStatus.NotStarted,
                    });
                }
                for (var i = 1; i <= 200; i++)
                {
                    db.Incidents.Add(new Incident
                    {
                        MunicipalityId = tenant.MunicipalityId,
                        DepartmentId = tenant.OwnDepartmentId,
                        Number = i,
                        Title = $"事案{i}",
                        Summary = "計測",
                        LearnedOn = today.AddDays(-(i % 20)),
                        PreliminaryDueOn = today.AddDays(3 - i % 20),
                        FinalDueOn = today.AddDays(30 - i % 20),
                    });
                }
                var analysis = new AccessAnalysis { MunicipalityId = tenant.MunicipalityId, From = today.AddDays(-1), To = today.AddDays(-1), RanAt = DateTime.UtcNow, RanBy = "計測" };
                db.AccessAnalyses.Add(analysis);
                for (var i = 1; i <= 500; i++)
                {
                    db.AccessAlerts.Add(new AccessAlert
                    {
                        MunicipalityId = tenant.MunicipalityId,
                        AnalysisId = analysis.Id,
                        Rule = "R03",
                        UserId = $"S{i:D5}",
                        UserDept = "戸籍住民課",
                        Day = today.AddDays(-1),
                        Severity = "medium",
                        Count = 1,
                        Status = AlertStatus.New,
                        DetectedAt = DateTime.UtcNow.AddDays(-(i % 30)),
                    });
                }
                return await db.SaveChangesAsync();
            });

            var now = factory.Clock.GetUtcNow().UtcDateTime;
            async Task<(double Ms, int Stored)> RoundAsync()
            {
                await using var scope = factory.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "計測");
                var sw = Stopwatch.StartNew();
                var stored = await NoticeStore.StoreDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), tenant.MunicipalityId, today, now, CancellationToken.None);
                return (sw.Elapsed.TotalMilliseconds, stored);
            }
            await factory.AsSystemAsync((_, db) => db.Notices.Where(n => n.MunicipalityId == tenant.MunicipalityId).ExecuteDeleteAsync());
            var first = await RoundAsync();
            Console.WriteLine($"{provider,-9} {$"first round ({first.Stored} notices stored)",-40} {first.Ms,10:F1} {first.Ms,8:F1} {"-",9}");
            Report(provider, "a round with nothing new", await TimesAsync(rounds, async () => (await RoundAsync()).Ms));

            var user = await factory.AsSystemAsync((_, db) => db.Users.FirstAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.Role == UserRole.Department));
            Report(provider, "calendar feed of a 所管課 account", await TimesAsync(rounds, async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "計測");
                var sw = Stopwatch.StartNew();
                _ = await CalendarFeed.BuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), user, JapanTime.Today(factory.Clock), now, CancellationToken.None);
                return sw.Elapsed.TotalMilliseconds;
            }));
        }
    }

    internal static async Task<List<double>> TimesAsync(int rounds, Func<Task<double>> measure)
    {
        await measure();
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            times.Add(await measure());
        }
        times.Sort();
        return times;
    }

    private static void Report(DatabaseProvider provider, string name, List<double> times) =>
        Console.WriteLine($"{provider,-9} {name,-40} {times[times.Count / 2],10:F1} {times[^1],8:F1} {BaselineMs,9:F0}");
}
