using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>Applies pending migrations when the web app starts (on by default; <c>Database:MigrateOnStartup=false</c> turns it off).</summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IConfiguration config, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!config.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("起動時の移行");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = await db.Database.ApplyPendingAsync(cancellationToken);
        if (applied.Count > 0)
        {
            LogApplied(logger, applied.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);
}
