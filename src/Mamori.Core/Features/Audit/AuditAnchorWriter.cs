using Mamori.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Audit;

/// <summary>Writes an anchor of the audit chain at start-up and then every <see cref="AuditSettings.AnchorInterval"/>.</summary>
public sealed partial class AuditAnchorWriter(IServiceScopeFactory scopes, AuditSettings settings, AuditAnchors anchors, ILogger<AuditAnchorWriter> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.AnchorInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("監査ログのアンカー");
                await anchors.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be migrated yet at the first tick; the next tick tries again.
                Failed(log, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "監査ログのアンカーを書けませんでした（{Kind}）。次の周期でもう一度試します。")]
    private static partial void Failed(ILogger logger, string kind);
}
