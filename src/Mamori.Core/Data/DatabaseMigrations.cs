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
        return pending;
    }
}
