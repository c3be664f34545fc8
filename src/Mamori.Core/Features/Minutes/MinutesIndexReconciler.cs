using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Brings the minutes search index into agreement with the database when the web app starts, before it serves a
/// request: a meeting whose fingerprint differs is indexed again, and a meeting the database no longer has is removed.
/// The index is written after the database commits, so a process that ended in between (a power cut during a minutes
/// import) leaves them apart until this runs.
/// </summary>
public sealed partial class MinutesIndexReconciler(IServiceProvider services, ILogger<MinutesIndexReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("起動時の検索索引の照合");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            var (meetings, fixedCount) = await RunAsync(scope.ServiceProvider.GetRequiredService<MinutesIndex>(), db, cancellationToken);
            LogReconciled(logger, meetings, fixedCount);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Search may miss or show stale turns until `mamori minutes reindex`; the app itself is sound, so it starts.
            LogFailed(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Compares every meeting with minutes; returns how many were compared and how many were written again or removed.</summary>
    public static async Task<(int Meetings, int Fixed)> RunAsync(MinutesIndex index, AppDbContext db, CancellationToken ct)
    {
        var indexed = index.MeetingFingerprints();
        var meetings = await db.MinutesTurns.IgnoreQueryFilters().AsNoTracking().Select(t => t.MeetingId).Distinct().ToListAsync(ct);
        var fixedCount = 0;
        foreach (var meetingId in meetings)
        {
            var turns = await MinutesIndexing.MeetingAsync(db, meetingId, ct);
            if (!indexed.TryGetValue(meetingId, out var fingerprint) || !fingerprint.AsSpan().SequenceEqual(MinutesIndex.Fingerprint(turns)))
            {
                await index.ReplaceMeetingAsync(meetingId, turns, ct);
                fixedCount++;
            }
        }
        foreach (var gone in indexed.Keys.Except(meetings))
        {
            await index.ReplaceMeetingAsync(gone, [], ct);
            fixedCount++;
        }
        return (meetings.Count, fixedCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "会議録の検索索引を照合しました（会議録のある会議 {Meetings} 件、作り直し {Fixed} 件）")]
    private static partial void LogReconciled(ILogger logger, int meetings, int @fixed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "会議録の検索索引をデータベースと照合できませんでした（{Error}）。mamori minutes reindex で作り直してください。")]
    private static partial void LogFailed(ILogger logger, string error);
}
