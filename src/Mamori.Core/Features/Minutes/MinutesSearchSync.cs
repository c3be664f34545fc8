using System.Data.Common;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Keeps the minutes search index in step with every save that changes a meeting, a meeting's agenda, an agenda item
/// or a turn, whichever use case makes it: a search right after the save finds what was saved. Inside a transaction
/// the meetings are re-indexed when it commits (and forgotten when it rolls back), so a failed import leaves no trace
/// in the index either. Each change is also written to the change feed (<see cref="MinutesChange"/>) in the same save,
/// from which the other instances of the app (and this one after a lost write) bring their indexes into step.
/// </summary>
public sealed partial class MinutesSearchSync(MinutesIndex index, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MinutesSearchSync> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<Guid> _meetings = [];
    private readonly HashSet<Guid> _items = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context!);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context!.Database.CurrentTransaction is null)
        {
            FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.Database.CurrentTransaction is null)
        {
            await FlushAsync(cancellationToken);
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Forget()
    {
        _meetings.Clear();
        _items.Clear();
    }

    private void Collect(DbContext context)
    {
        var meetings = new HashSet<Guid>();
        var items = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Meeting meeting:
                    meetings.Add(meeting.Id);
                    break;
                case MinutesTurn turn:
                    meetings.Add(turn.MeetingId);
                    break;
                case MeetingItem placed:
                    // An item moved to another meeting changes both.
                    meetings.Add(placed.MeetingId);
                    meetings.Add((Guid)entry.Property(nameof(MeetingItem.MeetingId)).OriginalValue!);
                    break;
                case AgendaItem item when entry.State != EntityState.Added:
                    items.Add(item.Id);
                    break;
            }
        }
        // A save tried again (the audit trail's sequence was taken) still holds the feed entries of its first try.
        var fed = context.ChangeTracker.Entries<MinutesChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var id in meetings.Where(id => !fed.Any(c => c.MeetingId == id)))
        {
            context.Add(new MinutesChange { MeetingId = id, At = at });
        }
        foreach (var id in items.Where(id => !fed.Any(c => c.ItemId == id)))
        {
            context.Add(new MinutesChange { ItemId = id, At = at });
        }
        _meetings.UnionWith(meetings);
        _items.UnionWith(items);
    }

    /// <summary>
    /// Re-indexes the collected meetings from what is committed, read through a context of its own (the saving
    /// context may still hold the finished transaction).
    /// </summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (_meetings.Count == 0 && _items.Count == 0)
        {
            return;
        }
        var meetings = _meetings.ToHashSet();
        var items = _items.ToList();
        Forget();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (items.Count > 0)
        {
            meetings.UnionWith(await db.MeetingItems.IgnoreQueryFilters().AsNoTracking().Where(m => items.Contains(m.ItemId)).Select(m => m.MeetingId).ToListAsync(ct));
        }
        foreach (var meetingId in meetings)
        {
            try
            {
                var turns = await MinutesIndexing.MeetingAsync(db, meetingId, ct);
                // Most saves touch meetings without minutes: nothing to write, and no lock to take from another writer.
                if (turns.Count > 0 || index.HasMeeting(meetingId))
                {
                    await index.ReplaceMeetingAsync(meetingId, turns, ct);
                }
            }
            catch (Exception ex) when (ex is IOException or Lucene.Net.Store.LockObtainFailedException or UnauthorizedAccessException)
            {
                // The database is saved either way; `mamori minutes reindex` rebuilds the index from it.
                LogIndexFailed(logger, ex, meetingId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "会議録の検索索引を更新できませんでした（会議 {MeetingId}）。mamori minutes reindex で作り直してください。")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, Guid meetingId);
}
