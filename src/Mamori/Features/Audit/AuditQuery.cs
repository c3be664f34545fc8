using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

/// <summary>Filters over the current municipality's audit trail, shared by the page, its CSV and the API.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? EntityType, AuditAction? Action, string? Actor)
{
    public IQueryable<AuditEntry> Apply(AppDbContext db)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var start = JapanTime.StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }
        if (To is { } to)
        {
            var end = JapanTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }
        if (Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor));
        }
        return query.OrderByDescending(e => e.Sequence);
    }
}
