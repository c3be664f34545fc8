using Mamori.Core.Data;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Hosting;

public sealed class MigrationTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Model_HasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var (pendingModel, pendingMigrations) = await factory.AsSystemAsync(async (_, db) =>
            (db.Database.HasPendingModelChanges(), (await db.Database.GetPendingMigrationsAsync()).Count()));
        Assert.False(pendingModel, $"{provider}: モデルの変更に対応するマイグレーションがありません。README の手順で両方のプロバイダーに追加してください。");
        Assert.Equal(0, pendingMigrations);
    }
}
