using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Keeps this instance's minutes search index in agreement with the database. When the web app starts, before it
/// serves a request, every meeting whose fingerprint differs is indexed again and a meeting the database no longer
/// has is removed (the index is written after the database commits, so a process that ended in between leaves them
/// apart). From then on it follows the change feed (<see cref="MinutesChange"/>) every
/// <see cref="PollInterval"/>: a change saved through another instance, or by the command line, is searchable here
/// within a second.
/// </summary>
public sealed partial class MinutesIndexReconciler(IServiceProvider services, MinutesIndex index, TimeProvider clock, ILogger<MinutesIndexReconciler> logger)
    : BackgroundService
{
    /// <summary>How often the change feed is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a missing sequence number is waited for: a save that took its number but has not committed yet.
    /// A rolled-back save leaves its number missing for good; after this the feed reads on past it.
    /// </summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromMinutes(2);

    /// <summary>How long feed entries are kept: an instance that was down longer compares everything when it starts.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    private readonly MinutesFeedPosition _position = new();
    private DateTime _lastRead = DateTime.MinValue;
    private DateTime _lastPruned = DateTime.MinValue;

    /// <summary>Every change-feed entry up to this number has been read into the index.</summary>
    public long ReadUpTo => _position.Floor;

    /// <summary>Whether the index has been compared with the database and the feed was read within the last five seconds.</summary>
    public bool InStep => _lastRead != DateTime.MinValue && clock.GetUtcNow().UtcDateTime - _lastRead < TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("起動時の検索索引の照合");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                // The feed is followed from where it stood before the comparison: what is saved meanwhile is read again.
                _position.Start(await db.MinutesChanges.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0);
                var (meetings, fixedCount) = await RunAsync(index, db, cancellationToken);
                _lastRead = clock.GetUtcNow().UtcDateTime;
                LogReconciled(logger, meetings, fixedCount);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Search may miss or show stale turns until `mamori minutes reindex`; the app itself is sound, so it starts.
                LogFailed(logger, ex.GetType().Name);
            }
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting; the next tick reads again, and readiness reports the delay.
                LogFeedFailed(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Re-indexes the meetings of the feed entries not read yet.</summary>
    public async Task FollowAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("検索索引の更新");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_position.Started)
        {
            // The comparison at start failed (the database was not reachable): compare now.
            _position.Start(await db.MinutesChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0);
            await RunAsync(index, db, ct);
        }
        var entries = await db.MinutesChanges.AsNoTracking().Where(c => c.Sequence > _position.Floor).OrderBy(c => c.Sequence).Take(1000).ToListAsync(ct);
        var fresh = entries.Where(e => !_position.IsRead(e.Sequence)).ToList();
        if (fresh.Count > 0)
        {
            var meetings = fresh.Where(e => e.MeetingId is not null).Select(e => e.MeetingId!.Value).ToHashSet();
            var items = fresh.Where(e => e.ItemId is not null).Select(e => e.ItemId!.Value).ToList();
            if (items.Count > 0)
            {
                meetings.UnionWith(await db.MeetingItems.IgnoreQueryFilters().AsNoTracking().Where(m => items.Contains(m.ItemId)).Select(m => m.MeetingId).ToListAsync(ct));
            }
            foreach (var meetingId in meetings)
            {
                var turns = await MinutesIndexing.MeetingAsync(db, meetingId, ct);
                var held = index.MeetingFingerprint(meetingId);
                // The instance that saved has indexed it already; most meetings have no minutes at all.
                if (held is null ? turns.Count > 0 : !held.AsSpan().SequenceEqual(MinutesIndex.Fingerprint(turns)))
                {
                    await index.ReplaceMeetingAsync(meetingId, turns, ct);
                }
            }
        }
        _position.Read(entries.Select(e => e.Sequence), now, GapWait);
        _lastRead = now;
        if (now - _lastPruned > TimeSpan.FromMinutes(10))
        {
            _lastPruned = now;
            // The newest entry stays, so that SQLite never hands out a number again.
            var cutoff = now - Keep;
            var newest = await db.MinutesChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
            await db.MinutesChanges.Where(c => c.At < cutoff && c.Sequence < newest).ExecuteDeleteAsync(ct);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "会議録の検索索引の更新を読めませんでした（{Error}）。")]
    private static partial void LogFeedFailed(ILogger logger, string error);
}

/// <summary>
/// How far the change feed has been read: every sequence number up to <see cref="Floor"/>, and those above it
/// already read. A number missing above the floor is waited for (its save may not have committed yet) until it
/// has been missing for the gap wait; then it is taken to be a rolled-back save and passed.
/// </summary>
public sealed class MinutesFeedPosition
{
    private readonly HashSet<long> _read = [];
    private readonly Dictionary<long, DateTime> _missingSince = [];

    public bool Started { get; private set; }

    public long Floor { get; private set; }

    public void Start(long floor)
    {
        Floor = floor;
        Started = true;
        _read.Clear();
        _missingSince.Clear();
    }

    public bool IsRead(long sequence) => sequence <= Floor || _read.Contains(sequence);

    /// <summary>Marks <paramref name="sequences"/> read and moves the floor over every number read or missing for longer than <paramref name="gapWait"/>.</summary>
    public void Read(IEnumerable<long> sequences, DateTime now, TimeSpan gapWait)
    {
        _read.UnionWith(sequences.Where(s => s > Floor));
        if (_read.Count == 0)
        {
            return;
        }
        // Every number missing below the highest read is noticed now, so a run of missing numbers is waited for once.
        for (var n = Floor + 1; n < _read.Max(); n++)
        {
            if (!_read.Contains(n))
            {
                _missingSince.TryAdd(n, now);
            }
        }
        while (_read.Count > 0)
        {
            var next = Floor + 1;
            if (!_read.Remove(next) && now - _missingSince[next] < gapWait)
            {
                break;
            }
            Floor = next;
            _missingSince.Remove(next);
        }
    }
}
