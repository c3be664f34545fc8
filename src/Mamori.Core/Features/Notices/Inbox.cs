using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Notices;

/// <summary>An account's own notices: nobody reads or marks another's.</summary>
public static class Inbox
{
    public sealed record Row(Guid Id, NoticeRule Rule, string Title, string Link, DateOnly? DueOn, DateTime CreatedAt, DateTime? ReadAt, NoticeMailState Mail, DateTime? MailedAt);

    public static IQueryable<Notice> Of(AppDbContext db, string userId) => db.Notices.Where(n => n.RecipientId == userId);

    public static Task<int> UnreadAsync(AppDbContext db, string userId, CancellationToken ct) => Of(db, userId).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Newest first; <paramref name="module"/> limits to one module's rules.</summary>
    public static async Task<List<Row>> ListAsync(AppDbContext db, string userId, string? module, bool unreadOnly, int take, CancellationToken ct)
    {
        var rules = module is null ? null : NoticeRules.All.Where(r => r.Module() == module).ToList();
        var query = Of(db, userId).AsNoTracking();
        if (rules is not null)
        {
            query = query.Where(n => rules.Contains(n.Rule));
        }
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new Row(n.Id, n.Rule, n.Title, n.Link, n.DueOn, n.CreatedAt, n.ReadAt, n.Mail, n.MailedAt)).ToListAsync(ct);
    }

    /// <summary>Marks one of the user's notices read and returns where it leads; null when it is not theirs.</summary>
    public static async Task<string?> OpenAsync(AppDbContext db, string userId, Guid id, DateTime nowUtc, CancellationToken ct)
    {
        var notice = await Of(db, userId).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return null;
        }
        if (notice.ReadAt is null)
        {
            notice.ReadAt = nowUtc;
            await db.SaveChangesAsync(ct);
        }
        return notice.Link;
    }

    public static async Task<int> MarkAllReadAsync(AppDbContext db, string userId, DateTime nowUtc, CancellationToken ct)
    {
        var unread = await Of(db, userId).Where(n => n.ReadAt == null).ToListAsync(ct);
        unread.ForEach(n => n.ReadAt = nowUtc);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
