using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Notices;

/// <summary>
/// An account's deadlines as an iCalendar feed (RFC 5545) that Outlook, Garoon or Google subscribe to, at a secret
/// URL only its owner knows. Only a hash of the secret is stored; issuing a new one or revoking it makes the old
/// URL answer 404. The feed holds what the notices hold: record titles, numbers and due dates.
/// </summary>
public static class CalendarFeed
{
    /// <summary>Issues a new secret for <paramref name="user"/> (replacing any earlier one) and returns it; shown once.</summary>
    public static string Issue(AppUser user)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        user.CalendarFeedHash = Hash(secret);
        return secret;
    }

    public static void Revoke(AppUser user) => user.CalendarFeedHash = null;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The active account whose feed secret is <paramref name="secret"/>, or null.</summary>
    public static async Task<AppUser?> OwnerAsync(AppDbContext db, string secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = Hash(secret);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.CalendarFeedHash == hash && u.SuspendedAt == null, ct);
    }

    /// <summary>The feed of <paramref name="user"/>: one all-day event per deadline they are told about. Runs in the user's municipality.</summary>
    public static async Task<string> BuildAsync(AppDbContext db, AppUser user, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var municipality = await db.Municipalities.Where(m => m.Id == user.MunicipalityId).Select(m => m.Name).FirstAsync(ct);
        var settings = await db.NoticeSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var site = settings?.SiteUrl?.TrimEnd('/');
        var items = (await DueItems.ReadAsync(db, user.MunicipalityId, today, nowUtc, ct))
            .Where(i => i.DueOn is not null && i.Recipients.Contains(user.Id) && (settings?.Sends(i.Rule) ?? true))
            .DistinctBy(i => i.Subject).OrderBy(i => i.DueOn).ToList();
        var calendar = new Calendar { ProductId = "-//Mamori//個人情報保護事務//JA" };
        calendar.AddProperty("X-WR-CALNAME", $"Mamori の期限（{municipality}）");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Tokyo");
        foreach (var item in items)
        {
            var day = item.DueOn!.Value;
            var e = new CalendarEvent
            {
                Uid = $"{item.Subject}@mamori",
                Summary = item.What,
                Description = site is null ? item.Rule.JapaneseName() : $"{item.Rule.JapaneseName()}\n{site}{item.Link}",
                DtStart = new CalDateTime(day.Year, day.Month, day.Day),
                DtEnd = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
                DtStamp = new CalDateTime(nowUtc, "UTC"),
            };
            if (site is not null)
            {
                e.Url = new Uri(site + item.Link);
            }
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
