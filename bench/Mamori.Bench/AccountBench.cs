using System.Diagnostics;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Systems;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench;

/// <summary>
/// A large business system's account list: 5,000 staff, 5,000 accounts exported as a Shift_JIS CSV (one in ten on a long
/// leave, retired or unknown). Times the import (parse, match, replace, check) and a check round with nothing new, the
/// scheduler's share. Baseline: a few seconds for the import, which a person waits for on the page.
/// </summary>
public static class AccountBench
{
    private const int Accounts = 5000;
    private const double ImportBaselineMs = 5000, RoundBaselineMs = 1000;

    public static async Task RunAsync(int rounds)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Console.WriteLine($"Account check of one system with {Accounts:N0} accounts; {rounds} rounds; baselines: import {ImportBaselineMs:F0} ms, check {RoundBaselineMs:F0} ms");
        Console.WriteLine($"{"database",-9} {"measure",-40} {"median ms",10} {"max ms",8} {"baseline",9}");
        foreach (var provider in TestDatabases.Providers)
        {
            await using var factory = new MamoriFactory(provider);
            _ = factory.Server;
            var tenant = await TestTenant.CreateAsync(factory, "計測市");
            var today = factory.Today;
            var systemId = await factory.AsSystemAsync(async (_, db) =>
            {
                for (var i = 1; i <= Accounts; i++)
                {
                    var staff = new Staff
                    {
                        MunicipalityId = tenant.MunicipalityId,
                        DepartmentId = i % 7 == 0 ? tenant.OtherDepartmentId : tenant.OwnDepartmentId,
                        EmployeeNumber = $"{i:D6}",
                        Name = $"職員 {i}",
                        NameKana = $"しょくいん {i}",
                        Status = i % 50 == 0 ? StaffStatus.Retired : StaffStatus.Active,
                        EndDate = i % 50 == 0 ? today.AddDays(-30) : null,
                    };
                    if (i % 40 == 0)
                    {
                        staff.Absences.Add(new AbsencePeriod { MunicipalityId = tenant.MunicipalityId, Start = today.AddDays(-i % 30), End = today.AddDays(200), Reason = "育児休業" });
                    }
                    db.Staff.Add(staff);
                }
                var system = new BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, Name = "計測用システム" };
                db.BusinessSystems.Add(system);
                await db.SaveChangesAsync();
                return system.Id;
            });
            var csv = new StringBuilder("利用者ID,職員コード,利用者名,カナ氏名,最終ログイン日時,状態\r\n");
            for (var i = 1; i <= Accounts; i++)
            {
                var number = i % 25 == 0 ? "" : $"{i:D6}";
                csv.Append($"u{i:D6},{number},職員　{i},ｼｮｸｲﾝ {i},{today.AddDays(-(i % 120)):yyyy/MM/dd} 09:00,{(i % 33 == 0 ? "停止" : "有効")}\r\n");
            }
            var bytes = Encoding.GetEncoding(932).GetBytes(csv.ToString());

            async Task<T> InTenantAsync<T>(Func<AppDbContext, Task<T>> work)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "計測");
                return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            }
            async Task<double> ImportAsync()
            {
                var sw = Stopwatch.StartNew();
                var outcome = await InTenantAsync(db => ImportAccounts.RunAsync(db, systemId, "accounts.csv", new MemoryStream(bytes), factory.Clock, CancellationToken.None));
                if (!outcome.Ok)
                {
                    throw new InvalidOperationException(outcome.Describe());
                }
                return sw.Elapsed.TotalMilliseconds;
            }
            var first = await ImportAsync();
            Console.WriteLine($"{provider,-9} {"first import (all accounts new)",-40} {first,10:F1} {first,8:F1} {ImportBaselineMs,9:F0}");
            var imports = await NoticeBench.TimesAsync(rounds, ImportAsync);
            Console.WriteLine($"{provider,-9} {"monthly re-import (nothing changed)",-40} {imports[imports.Count / 2],10:F1} {imports[^1],8:F1} {ImportBaselineMs,9:F0}");
            var listed = await InTenantAsync(db => Task.FromResult(db.AccountListings.Count(l => l.SystemId == systemId)));
            var checks = await NoticeBench.TimesAsync(rounds, async () =>
            {
                var sw = Stopwatch.StartNew();
                await InTenantAsync(db => AccountListings.RefreshAsync(db, systemId, factory.Clock, CancellationToken.None));
                return sw.Elapsed.TotalMilliseconds;
            });
            Console.WriteLine($"{provider,-9} {$"check round, nothing new ({listed} listed)",-40} {checks[checks.Count / 2],10:F1} {checks[^1],8:F1} {RoundBaselineMs,9:F0}");
        }
    }
}
