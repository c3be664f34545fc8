using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Audit;
using Mamori.Core.Features.Organization;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Audit;

public sealed class AuditTrailTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ChangedRow_IsRecordedWithUserAndBeforeAfter(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);

        var created = await admin.Client.PostAsJsonAsync("/api/v1/organization/staff",
            new { employeeNumber = "A100", name = "監査 一郎", departmentId = tenant.OwnDepartmentId, status = "Active", startDate = "令和6年4月1日" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var staff = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = staff.GetProperty("id").GetString();
        var updated = await admin.Client.PutAsJsonAsync($"/api/v1/organization/staff/{id}",
            new { employeeNumber = "A100", name = "監査 二郎", departmentId = tenant.OwnDepartmentId, status = "Active", startDate = "2024-04-01", version = staff.GetProperty("version").GetString() });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var entries = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Staff" && e.EntityKey == id).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([AuditAction.Insert, AuditAction.Update], entries.Select(e => e.Action));
        var update = entries[1];
        Assert.Equal(tenant.MunicipalityId, update.MunicipalityId);
        Assert.Contains(tenant.UserName(UserRole.Admin), update.ActorName);
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(update.Changes)!;
        Assert.Equal("監査 一郎", changes["Name"][0]);
        Assert.Equal("監査 二郎", changes["Name"][1]);
        Assert.False(changes.ContainsKey("StartDate"), "変わっていない項目は記録しない");
        Assert.Equal("2024-04-01", JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entries[0].Changes)!["StartDate"][1]);

        // The audit page shows it to 監査.
        using var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
        var detail = await auditor.GetPageAsync($"/audit/{update.Sequence}");
        Assert.Contains("監査 一郎", detail);
        Assert.Contains("監査 二郎", detail);
    }

    [Fact]
    public async Task PasswordAndSecurityStamp_AreMaskedInTheTrail()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        var inserts = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "AppUser" && e.MunicipalityId == tenant.MunicipalityId).Select(e => e.Changes).ToListAsync());
        Assert.NotEmpty(inserts);
        foreach (var json in inserts)
        {
            var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json)!;
            if (changes.TryGetValue("PasswordHash", out var hash))
            {
                Assert.Equal("（秘匿）", hash[1]);
            }
            Assert.DoesNotContain("AQAAAA", json);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditedAuditRow_MakesVerifyFailAndNameTheRow(DatabaseProvider provider)
    {
        // A database of its own: this test breaks the chain on purpose.
        await using var factory = new MamoriFactory(provider);
        _ = factory.Server;
        var tenant = await TestTenant.CreateAsync(factory);

        var intact = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(intact.ExitCode == 0, intact.Stderr);
        Assert.True(intact.Json.GetProperty("ok").GetBoolean());
        var count = intact.Json.GetProperty("entries").GetInt64();
        Assert.True(count > 5);

        var target = await factory.AsSystemAsync(async (_, db) =>
        {
            var sequence = await db.AuditEntries.Where(e => e.EntityType == "Department").MinAsync(e => e.Sequence);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = {0} WHERE \"Sequence\" = {1}", "{}", sequence);
            return sequence;
        });

        var broken = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
        Assert.Equal(3, broken.ExitCode);
        Assert.False(broken.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(target, broken.Json.GetProperty("firstBad").GetInt64());

        var human = await CliProcess.RunAsync(["audit", "verify", .. factory.CliDatabaseArguments]);
        Assert.Contains($"連番 {target}", human.Stdout);
    }

    private static string SetColumn(string column) => "UPDATE \"AuditEntries\" SET \"" + column + "\" = {0} WHERE \"Sequence\" = {1}";

    /// <summary>Each stored column of a row, edited alone to another value, one at a time, then put back.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryAuditColumn_EditedAlone_MakesVerifyFailAndNameTheRow_AndTheRestoredChainVerifies(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        _ = factory.Server;
        await TestTenant.CreateAsync(factory);
        var other = Guid.NewGuid();
        (string Column, object? Value)[] edits =
        [
            ("MunicipalityId", other),
            ("OccurredAt", new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc)),
            ("UserId", "someone-else"),
            ("ActorName", "改ざん 太郎"),
            ("Action", "Delete"),
            ("Action", "Tampered"),
            ("EntityType", "Municipality"),
            ("EntityKey", Guid.NewGuid().ToString()),
            ("Changes", "{}"),
            ("PreviousHash", new string('1', 64)),
            ("Hash", new string('f', 64)),
            ("KeyId", "20000101T000000000Z"),
        ];
        var target = await factory.AsSystemAsync(async (_, db) => await db.AuditEntries.Where(e => e.EntityType == "Department").MinAsync(e => e.Sequence));
        var failures = new List<string>();
        foreach (var (column, value) in edits)
        {
            var original = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == target));
            await factory.AsSystemAsync((_, db) => db.Database.ExecuteSqlRawAsync(SetColumn(column), value!, target));
            var broken = await factory.AsSystemAsync((sp, db) => AuditChain.VerifyAsync(db, sp.GetRequiredService<AuditKeys>(), sp.GetRequiredService<AuditAnchors>(), default));
            if (broken.Ok || broken.FirstBad != target)
            {
                failures.Add($"{column} = {value}: ok={broken.Ok}, firstBad={broken.FirstBad}（期待 {target}）");
            }
            object? restore = column switch
            {
                "MunicipalityId" => original.MunicipalityId,
                "OccurredAt" => original.OccurredAt,
                "UserId" => original.UserId,
                "ActorName" => original.ActorName,
                "Action" => original.Action.ToString(),
                "EntityType" => original.EntityType,
                "EntityKey" => original.EntityKey,
                "Changes" => original.Changes,
                "PreviousHash" => original.PreviousHash,
                "KeyId" => original.KeyId,
                _ => original.Hash,
            };
            await factory.AsSystemAsync((_, db) => db.Database.ExecuteSqlRawAsync(SetColumn(column), restore!, target));
            Assert.True((await factory.AsSystemAsync((sp, db) => AuditChain.VerifyAsync(db, sp.GetRequiredService<AuditKeys>(), sp.GetRequiredService<AuditAnchors>(), default))).Ok, $"{column} を戻した後も検証に失敗します");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // An action overwritten with text that is no action: the command reports the row instead of crashing.
        await factory.AsSystemAsync((_, db) => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Tampered' WHERE \"Sequence\" = {0}", target));
        var cli = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
        Assert.Equal(3, cli.ExitCode);
        Assert.Equal(target, cli.Json.GetProperty("firstBad").GetInt64());
    }

    [Fact]
    public async Task DeletedAuditRow_BreaksTheChainAtTheNextRow()
    {
        await using var factory = new MamoriFactory(DatabaseProvider.Sqlite);
        _ = factory.Server;
        await TestTenant.CreateAsync(factory);
        var removed = await factory.AsSystemAsync(async (_, db) =>
        {
            var sequence = await db.AuditEntries.MinAsync(e => e.Sequence) + 3;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", sequence);
            return sequence;
        });
        var result = await factory.AsSystemAsync((sp, db) => AuditChain.VerifyAsync(db, sp.GetRequiredService<AuditKeys>(), sp.GetRequiredService<AuditAnchors>(), default));
        Assert.False(result.Ok);
        Assert.Equal(removed + 1, result.FirstBad);
    }

    [Fact]
    public async Task AuditRow_ChangedThroughTheContext_IsRefused()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        await TestTenant.CreateAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("テスト");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();
        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "改ざん";
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("追記のみ", ex.Message);
    }
}
