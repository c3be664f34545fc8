using System.Diagnostics;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Api;

/// <summary>The example client in docs/api runs as a vendor would run it (bash and curl against a listening Mamori) and does what it says.</summary>
public sealed class ExampleClientTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheExampleScript_LoadsAMeetingWithItsItems_AndReadsThe別表(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        factory.ClientOptions.BaseAddress = new Uri(address);
        var tenant = await TestTenant.CreateAsync(factory);
        // The office's set-up, done directly: this application listens on a real port, where the test's browser helper cannot go.
        var councilId = await factory.AsSystemAsync(async (sp, db) =>
        {
            sp.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "準備");
            var council = await CouncilWorkflow.SaveCouncilAsync(db, null, new CouncilInput
            {
                Name = "個人情報保護審議会",
                TermYears = 2,
                Quorum = QuorumRule.MoreThanHalf,
                IsPublic = true,
                Contact = "区政情報課",
            }, default);
            return council.Value!.Id;
        });
        var token = await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == tenant.UserName(UserRole.Office));
            var issued = await IssueToken.RunAsync(db, user, "ベンダーの連携", 30, TokenScope.Write, TimeProvider.System, default, ["council", "reviews"]);
            return issued.Value!.Token;
        });
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var round = await http.PostAsJsonAsync("/api/v1/reviews/rounds", new { title = "令和8年度第2回部会", body = "デジタル・セキュリティ部会", deadlineOn = "2026-12-20" });
        Assert.True(round.IsSuccessStatusCode, await round.Content.ReadAsStringAsync());
        var roundId = (await round.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "Mamori.slnx")))
        {
            root = root.Parent;
        }
        var start = new ProcessStartInfo("bash", [Path.Combine(root.FullName, "docs", "api", "load-meeting.sh"), councilId.ToString(), roundId, "2026-11-20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MAMORI_URL"] = address;
        start.Environment["MAMORI_TOKEN"] = token;
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await script.WaitForExitAsync(limit.Token);
        Assert.True(script.ExitCode == 0, $"exit {script.ExitCode}: {await errors}");
        var text = await output;
        Assert.Contains("住民情報システムの標準化に伴う個人情報の取扱いについて", text);
        Assert.Contains("\"label\":\"議題2\"", text);
        Assert.Contains("\"caseNumbers\"", text);

        var placed = await factory.AsSystemAsync((_, db) => db.MeetingItems.CountAsync(m => m.MunicipalityId == tenant.MunicipalityId));
        Assert.Equal(2, placed);
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId && e.ActorName.Contains("API トークン「ベンダーの連携」"))));
    }
}
