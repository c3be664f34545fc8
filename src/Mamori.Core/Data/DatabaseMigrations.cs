using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Mamori.Core.Data;

/// <summary>Applying migrations, the same way at web start-up, before a command, and for <c>db migrate</c>.</summary>
public static class DatabaseMigrations
{
    /// <summary>Applies the pending migrations, if any, and returns their names (empty when the database was current).</summary>
    public static async Task<IReadOnlyList<string>> ApplyPendingAsync(this DatabaseFacade database, CancellationToken ct)
    {
        var pending = (await database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await database.MigrateAsync(ct);
        }
        if (database.IsSqlite())
        {
            // Write-ahead logging: readers do not wait for a writer, and the web app and the command line can write
            // one after the other (each waits for the other's lock, see DatabaseSettings) instead of failing.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // SQLite makes its -wal and -shm files with the database file's mode.
            PrivateFiles.Restrict(database.GetDbConnection().DataSource);
        }
        return pending;
    }
}
