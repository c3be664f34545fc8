using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Notices;

/// <summary>Stores the notices due today for one municipality, each once, and decides how each reaches its recipient by mail.</summary>
public static class NoticeStore
{
    /// <summary>How many times storing is tried when another instance stores the same notices at the same moment.</summary>
    private const int Attempts = 5;

    /// <summary>Reads the modules and stores what is new; returns how many notices were added. Runs in the municipality's scope.</summary>
    public static async Task<int> StoreDueAsync(AppDbContext db, Guid municipalityId, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var settings = await db.NoticeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        var items = (await DueItems.ReadAsync(db, municipalityId, today, nowUtc, ct))
            .Where(i => i.Occasion is not null && (settings?.Sends(i.Rule) ?? true)).ToList();
        var notices = items.SelectMany(i => i.Recipients.Distinct().Select(r => (Item: i, Recipient: r, Key: $"{i.Subject}:{i.Occasion}"))).ToList();
        return await AddAsync(db, municipalityId, settings,
            notices.Select(n => new NewNotice(n.Item.Rule, n.Recipient, Fit(n.Key), Clip(n.Item.TitleOn(today)), n.Item.Link, n.Item.DueOn)).ToList(), nowUtc, ct);
    }

    /// <summary>A title within its column: a long record title is cut with 「…」 (the link leads to the whole).</summary>
    internal static string Clip(string title) => title.Length <= TitleLength ? title : title[..(TitleLength - 1)] + "…";

    /// <summary>A key within its column, still unique: a long one keeps its start and a hash of the whole.</summary>
    internal static string Fit(string key) => key.Length <= KeyLength ? key
        : key[..(KeyLength - 41)] + ":" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..40];

    internal const int TitleLength = 300;
    internal const int KeyLength = 200;

    /// <summary>A notice to store.</summary>
    public sealed record NewNotice(NoticeRule Rule, string RecipientId, string Key, string Title, string Link, DateOnly? DueOn);

    /// <summary>Stores the notices not stored before (by recipient and key); a concurrent writer's rows are skipped, never doubled.</summary>
    public static async Task<int> AddAsync(AppDbContext db, Guid municipalityId, NoticeSettings? settings, IReadOnlyList<NewNotice> notices, DateTime nowUtc, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return 0;
        }
        var recipients = notices.Select(n => n.RecipientId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id) && u.MunicipalityId == municipalityId)
            .ToDictionaryAsync(u => u.Id, u => new { u.Email, u.NoticeMail }, ct);
        for (var attempt = 1; ; attempt++)
        {
            var keys = notices.Select(n => n.Key).Distinct().ToList();
            var existing = (await db.Notices.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => new { n.RecipientId, n.Key }).ToListAsync(ct))
                .Select(n => (n.RecipientId, n.Key)).ToHashSet();
            var added = 0;
            foreach (var n in notices.DistinctBy(n => (n.RecipientId, n.Key)))
            {
                if (existing.Contains((n.RecipientId, n.Key)) || !users.TryGetValue(n.RecipientId, out var user))
                {
                    continue;
                }
                var mail = MailStateFor(n.Rule, settings, user.Email, user.NoticeMail);
                db.Notices.Add(new Notice
                {
                    MunicipalityId = municipalityId,
                    RecipientId = n.RecipientId,
                    Rule = n.Rule,
                    Key = n.Key,
                    Title = n.Title,
                    Link = n.Link,
                    DueOn = n.DueOn,
                    CreatedAt = nowUtc,
                    Mail = mail,
                    NextAttemptAt = mail == NoticeMailState.Pending ? nowUtc : null,
                });
                added++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && UniqueViolation.Of(ex) is not null)
            {
                // Another instance (or the scheduler beside a request) stored some of them first: read again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// 1件ずつ, まとめて or not at all: mandatory notices go out one by one whatever the account chose; nothing is
    /// mailed without a relay or an address.
    /// </summary>
    public static NoticeMailState MailStateFor(NoticeRule rule, NoticeSettings? settings, string? email, NoticeMailChoice choice)
    {
        if (!rule.IsMailed() || settings is not { CanMail: true } || string.IsNullOrWhiteSpace(email))
        {
            return NoticeMailState.NotMailed;
        }
        if (rule.IsMandatory())
        {
            return NoticeMailState.Pending;
        }
        return choice switch
        {
            NoticeMailChoice.None => NoticeMailState.NotMailed,
            NoticeMailChoice.Digest => NoticeMailState.Digest,
            _ => NoticeMailState.Pending,
        };
    }

    /// <summary>A failed mail sent again at once (the scheduler is woken); a notice whose mail never failed is not found.</summary>
    public static async Task<Outcome<Notice>> RetryAsync(AppDbContext db, Guid id, NoticeSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id && n.MailAttempts > 0 && n.Mail != NoticeMailState.Sent, ct);
        if (notice is null)
        {
            return Outcome<Notice>.NotFound("送り直すメールが見つかりません（送信済みか、まだ送っていません）。");
        }
        notice.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        signal.Changed(notice.MunicipalityId);
        return Outcome<Notice>.Success(notice);
    }
}
