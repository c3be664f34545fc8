using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Hosting;

/// <summary>
/// ASVS 7.1.1 / 8.3.5 and the PPC's guidance: no resident id, raw log line, search term, uploaded file name or
/// typed user name reaches the server log, at any level the app writes, even when the input is broken.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string Resident = "RZMARK7731";
    private const string Search = "検索語MARK7732";
    private const string FileName = "ファイル名MARK7733";
    private const string Typed = "typedmark7734";
    private const string Cell = "セルMARK7735";

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs7_1_1_PlantedPersonalData_NeverReachesTheServerLog(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var anonymous = Browser.Anonymous(factory);
        await anonymous.PostFormAsync("/account/login", new() { ["Input.UserName"] = Typed, ["Input.Password"] = "typed-password-mark" });

        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        await office.GetAsync($"/minutes/search?q={Uri.EscapeDataString(Search)}");
        await office.GetAsync($"/api/v1/minutes/search?q={Uri.EscapeDataString(Search)}");
        var broken = Encoding.UTF8.GetBytes($"整理番号,個人情報ファイルの名称\n\"{Cell},\"壊れた引用符\n");
        await office.PostFileAsync("/register/import", "Upload", FileName + ".csv", broken);

        // An access log whose rows quote a resident and break the CSV: the engine's error quotes the lines.
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var log = new StringBuilder("user_id,ts,resident_id,op,business_code,terminal_id\n");
        for (var i = 0; i < 50; i++)
        {
            log.Append($"u0001,2024-04-0{1 + (i % 9)} 10:00:00,{Resident},VIEW,JUMIN,T01\n");
        }
        // A quote opened on line 52 and never closed: the engine's error quotes the lines that follow.
        log.Append($"u0001,\"2024-04-02 10:00:00,{Resident},VIEW\n{Resident},{Resident}\n");
        await security.PostFilesAsync("/access/data", [("Logs", FileName + ".csv", Encoding.UTF8.GetBytes(log.ToString()))], "/access/data?handler=Upload");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await factory.AsSystemAsync((_, db) => db.AccessJobs.AnyAsync(j => j.MunicipalityId == tenant.MunicipalityId
            && (j.State == AccessJobState.Queued || j.State == AccessJobState.Running))) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var job = await factory.AsSystemAsync((_, db) => db.AccessJobs.SingleAsync(j => j.MunicipalityId == tenant.MunicipalityId));
        // The person is told which file and line, not shown the line.
        Assert.Equal(AccessJobState.Failed, job.State);
        Assert.Contains($"{FileName}.csv の 52 行目を CSV として読めません", job.Result);
        Assert.DoesNotContain(Resident, job.Result);
        var lines = factory.ServerErrors.All.ToList();
        Assert.NotEmpty(lines);
        foreach (var marker in new[] { Resident, Search, FileName, Typed, Cell, "typed-password-mark" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }
    }
}
