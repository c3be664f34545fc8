using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mamori.Hosting;

/// <summary>
/// What a load balancer asks: <c>/health/live</c> answers while the process serves at all; <c>/health/ready</c> (and
/// <c>/health</c>) only while this instance should be sent requests — the database answers with every migration
/// applied, the minutes search index is in step with it, and the instance is not shutting down.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddMamoriHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SearchIndexHealthCheck>("minutes-index", tags: [Ready])
            .AddCheck<StoppingHealthCheck>("stopping", tags: [Ready]);
        return services;
    }

    public static void MapMamoriHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}

/// <summary>Healthy when the database answers and has every migration of this build.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    // Applied migrations are not taken back: once a database is current, a probe only asks whether it answers.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Current = new(StringComparer.Ordinal);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("データベースに接続できません。");
        }
        var database = db.Database.GetConnectionString() ?? string.Empty;
        if (!Current.ContainsKey(database) && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return HealthCheckResult.Unhealthy("データベースに未適用の移行があります。");
        }
        Current[database] = true;
        return HealthCheckResult.Healthy("データベースに接続できます。");
    }
}

/// <summary>Healthy once the minutes search index was compared with the database and while it follows the change feed.</summary>
public sealed class SearchIndexHealthCheck(MinutesIndexReconciler reconciler) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(reconciler.InStep
            ? HealthCheckResult.Healthy("会議録の検索索引はデータベースと一致しています。")
            : HealthCheckResult.Unhealthy("会議録の検索索引がデータベースに追いついていません。"));
}

/// <summary>Unhealthy from the moment the instance is asked to stop, so that the load balancer sends no new requests.</summary>
public sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("停止中です。")
            : HealthCheckResult.Healthy("稼働中です。"));
}
