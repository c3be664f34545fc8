using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>Applies pending migrations when the web app starts (on by default; <c>Database:MigrateOnStartup=false</c> turns it off).</summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IConfiguration config, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("起動時の移行");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (config.GetValue("Database:MigrateOnStartup", true))
        {
            // Several instances starting at once: EF Core holds a database lock while it migrates, so one applies and the others wait.
            var applied = await db.Database.ApplyPendingAsync(cancellationToken);
            if (applied.Count > 0)
            {
                LogApplied(logger, applied.Count);
            }
        }
        var imported = await DataProtectionKeys.ImportLegacyAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), cancellationToken);
        if (imported > 0)
        {
            LogKeysImported(logger, imported);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "データ保護鍵 {Count} 件を data/keys からデータベースへ移しました")]
    private static partial void LogKeysImported(ILogger logger, int count);
}
