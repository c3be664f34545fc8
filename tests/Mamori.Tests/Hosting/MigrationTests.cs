using Mamori.Core.Data;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

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

    [Fact]
    public async Task Sqlite_WritesWaitForEachOther_InWriteAheadLogMode_InAFolderOnlyTheAppReads()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var (journal, timeout) = await factory.AsSystemAsync(async (sp, db) =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return ((string)(await command.ExecuteScalarAsync())!,
                new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DefaultTimeout);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(DatabaseSettings.SqliteLockWaitSeconds, timeout);
        Assert.Equal(60, DatabaseSettings.SqliteLockWaitSeconds);
        if (!OperatingSystem.IsWindows())
        {
            // ASVS 12.4 / 8.1: the data folder and the database are the application account's alone.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DataDirectory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "mamori.db")));
        }
    }

    /// <summary>
    /// An instance keeps at most 30 connections to PostgreSQL unless the connection string sets its own pool size:
    /// Npgsql's default of 100 is all of PostgreSQL's default max_connections, and under load one instance took them all.
    /// </summary>
    [Theory]
    [InlineData("Host=db;Username=mamori;Password=secret", 30)]
    [InlineData("Host=db;Username=mamori;Password=secret;Maximum Pool Size=80", 80)]
    [InlineData("Host=db;Username=mamori;Password=secret;Minimum Pool Size=5", 30)]
    public void APostgresInstance_KeepsThirtyConnections_UnlessTheConnectionStringSaysOtherwise(string connection, int pool)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Mamori"] = connection,
            ["Mamori:DataDirectory"] = Directory.CreateTempSubdirectory("mamori-pool-").FullName,
        }).Build();
        var built = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.From(config).ConnectionString);
        Assert.Equal(pool, built.MaxPoolSize);
        Assert.Equal("secret", built.Password);
        Assert.Equal(30, DatabaseSettings.PostgresPoolSize);
    }
}
