using Mamori.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mamori.Hosting;

/// <summary>/health: healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("データベースに接続できます。")
            : HealthCheckResult.Unhealthy("データベースに接続できません。");
}
