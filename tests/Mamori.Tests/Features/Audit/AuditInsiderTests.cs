using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Audit;

/// <summary>
/// ASVS 7.3.3 (logs protected from modification): someone who can write the database but holds neither the audit key
/// nor the anchor folder cannot rewrite the trail unnoticed, nor shorten it.
/// </summary>
public sealed class AuditInsiderTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs7_3_3_ARowEdited_AndTheChainRecomputedWithoutTheKey_FailsVerification(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        _ = factory.Server;
        await TestTenant.CreateAsync(factory);
        var rows = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.KeyId));
        var target = rows.First(r => r.EntityType == "Department").Sequence;

        // The operator rewrites the row and recomputes every hash after it, as plain SHA-256 rows and as rows
        // signed with a key of their own under the real key id: both need the key they do not have.
        foreach (var keyed in new[] { false, true })
        {
            var previous = rows.Single(r => r.Sequence == target - 1).Hash;
            foreach (var row in rows.Where(r => r.Sequence >= target))
            {
                var changes = row.Sequence == target ? "{}" : row.Changes;
                var hash = keyed
                    ? AuditChain.ComputeHash(row.Sequence, row.OccurredAt, row.MunicipalityId, row.UserId, row.ActorName, row.Action, row.EntityType,
                        row.EntityKey, changes, previous, row.KeyId!, new byte[32])
                    : AuditChain.ComputeHash(row.Sequence, row.OccurredAt, row.MunicipalityId, row.UserId, row.ActorName, row.Action, row.EntityType,
                        row.EntityKey, changes, previous);
                await factory.AsSystemAsync((_, db) => keyed
                    ? db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = {0}, \"PreviousHash\" = {1}, \"Hash\" = {2} WHERE \"Sequence\" = {3}",
                        changes, previous, hash, row.Sequence)
                    : db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = {0}, \"PreviousHash\" = {1}, \"Hash\" = {2}, \"KeyId\" = NULL WHERE \"Sequence\" = {3}",
                        changes, previous, hash, row.Sequence));
                previous = hash;
            }
            var cli = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(3, cli.ExitCode);
            Assert.Equal(target, cli.Json.GetProperty("firstBad").GetInt64());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs7_3_3_TheNewestRowsRemovedAfterAnAnchor_FailVerification(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        _ = factory.Server;
        await TestTenant.CreateAsync(factory);
        var anchored = await CliProcess.RunAsync(["audit", "anchor", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(anchored.ExitCode == 0, anchored.Stderr);
        var head = anchored.Json.GetProperty("sequence").GetInt64();
        var intact = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(intact.Json.GetProperty("ok").GetBoolean(), intact.Stdout);
        Assert.Equal(head, intact.Json.GetProperty("anchor").GetProperty("sequence").GetInt64());

        // Without the anchor the shortened chain would still link up from the first row.
        await factory.AsSystemAsync((_, db) => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {0}", head - 3));
        var cut = await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments]);
        Assert.Equal(3, cut.ExitCode);
        Assert.Equal(head - 2, cut.Json.GetProperty("firstBad").GetInt64());
        var human = await CliProcess.RunAsync(["audit", "verify", .. factory.CliDatabaseArguments]);
        Assert.Contains($"連番 {head - 2} 以降が削除されています", human.Stdout);
    }

    [Fact]
    public async Task Asvs7_3_3_ARotatedKey_SignsNewRows_TheOldOneStillVerifiesItsRows_AndAMissingKeyIsNamed()
    {
        await using var factory = new MamoriFactory(DatabaseProvider.Sqlite);
        _ = factory.Server;
        await TestTenant.CreateAsync(factory);
        var first = await factory.AsSystemAsync((_, db) => db.AuditEntries.Select(e => e.KeyId).Distinct().SingleAsync());
        var rotated = await CliProcess.RunAsync(["audit", "rotate-key", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(rotated.ExitCode == 0, rotated.Stderr);
        var second = rotated.Json.GetProperty("keyId").GetString()!;
        Assert.NotEqual(first, second);
        // The command line writes the next rows (a new municipality) with the new key.
        var created = await CliProcess.RunAsync(["municipality", "create", "--code", await TestTenant.UnusedCodeAsync(factory), "--name", "鍵町", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var keys = await factory.AsSystemAsync((_, db) => db.AuditEntries.Select(e => e.KeyId!).Distinct().ToListAsync());
        Assert.Equal([first!, second], keys.Order(StringComparer.Ordinal));
        Assert.True((await CliProcess.RunAsync(["audit", "verify", "--json", .. factory.CliDatabaseArguments])).Json.GetProperty("ok").GetBoolean());

        var folder = Path.Combine(factory.DataDirectory, "audit-keys");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, second + ".key")));
        }
        File.Delete(Path.Combine(folder, first + ".key"));
        var missing = await CliProcess.RunAsync(["audit", "verify", .. factory.CliDatabaseArguments]);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains($"鍵「{first}」が見つかりません", missing.Stdout);
    }
}
