using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mamori.Core.Features.Notices;

/// <summary>
/// Sends the mail of stored notices through each municipality's relay. A notice is claimed by one conditional
/// UPDATE before it is sent, so two senders never send it twice; a failure keeps it, with the relay's answer,
/// and tries again later (1, 5, 15, 60 minutes, then every 2 hours), and tells the 管理者 once.
/// </summary>
public sealed partial class NoticeSender(IDataProtectionProvider protection, ILogger<NoticeSender> logger)
{
    /// <summary>The lease that lets one instance send.</summary>
    public const string LeaseName = "notice-mail";

    /// <summary>A claim older than this is taken back (the sender died between claiming and sending).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    private const int BatchSize = 200;

    /// <summary>This instance, as a lease holder.</summary>
    public string Holder { get; } = ServiceLease.NewHolder();

    private IDataProtector Protector => protection.CreateProtector("Mamori.Notices.RelayPassword");

    /// <summary>Encrypts a relay password for storage.</summary>
    public string Protect(string password) => Protector.Protect(password);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        4 => TimeSpan.FromMinutes(60),
        _ => TimeSpan.FromHours(2),
    };

    /// <summary>Sends what is due (each notice, then the digests past their hour). Acts as the system, across municipalities.</summary>
    public async Task<int> SendDueAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (!await ServiceLease.TryTakeAsync(db, LeaseName, Holder, nowUtc, TimeSpan.FromMinutes(5), ct))
        {
            return 0;
        }
        var stale = nowUtc - ClaimTimeout;
        await db.Notices.IgnoreQueryFilters().Where(n => n.Mail == NoticeMailState.Sending && n.ClaimedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, NoticeMailState.Pending).SetProperty(n => n.Claim, (Guid?)null)
                .SetProperty(n => n.NextAttemptAt, nowUtc), ct);

        var settings = await db.NoticeSettings.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(s => s.MunicipalityId, ct);
        var names = await db.Municipalities.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var today = DateOnly.FromDateTime(JapanTime.FromUtc(nowUtc));
        var sent = 0;
        var due = await db.Notices.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Mail == NoticeMailState.Pending && n.NextAttemptAt <= nowUtc).OrderBy(n => n.NextAttemptAt).Take(BatchSize)
            .Select(n => new { n.Id, n.MunicipalityId, n.RecipientId }).ToListAsync(ct);
        foreach (var group in due.GroupBy(n => n.MunicipalityId))
        {
            if (!settings.TryGetValue(group.Key, out var relay) || !relay.CanMail)
            {
                await db.Notices.IgnoreQueryFilters().Where(n => n.MunicipalityId == group.Key && n.Mail == NoticeMailState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, NoticeMailState.NotMailed), ct);
                continue;
            }
            foreach (var item in group)
            {
                var claim = Guid.NewGuid();
                var claimed = await db.Notices.IgnoreQueryFilters().Where(n => n.Id == item.Id && n.Mail == NoticeMailState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, NoticeMailState.Sending).SetProperty(n => n.Claim, claim).SetProperty(n => n.ClaimedAt, nowUtc), ct);
                if (claimed == 1 && await SendClaimedAsync(db, relay, names.GetValueOrDefault(group.Key, ""), claim, NoticeMailState.Pending, nowUtc, today, ct))
                {
                    sent++;
                }
            }
        }
        foreach (var relay in settings.Values.Where(s => s.CanMail && JapanTime.FromUtc(nowUtc).Hour >= s.DigestHour))
        {
            sent += await SendDigestsAsync(db, relay, names.GetValueOrDefault(relay.MunicipalityId, ""), nowUtc, today, ct);
        }
        return sent;
    }

    private async Task<int> SendDigestsAsync(AppDbContext db, NoticeSettings relay, string municipality, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var recipients = await db.Notices.IgnoreQueryFilters().Where(n => n.MunicipalityId == relay.MunicipalityId && n.Mail == NoticeMailState.Digest)
            .Select(n => n.RecipientId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var recipient in recipients)
        {
            // Today's digest is taken for this account first: a second sender finds it taken and leaves it.
            var day = await db.Users.Where(u => u.Id == recipient && (u.LastDigestOn == null || u.LastDigestOn < today))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDigestOn, today), ct);
            if (day != 1)
            {
                continue;
            }
            var claim = Guid.NewGuid();
            await db.Notices.IgnoreQueryFilters().Where(n => n.RecipientId == recipient && n.Mail == NoticeMailState.Digest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, NoticeMailState.Sending).SetProperty(n => n.Claim, claim).SetProperty(n => n.ClaimedAt, nowUtc), ct);
            if (await SendClaimedAsync(db, relay, municipality, claim, NoticeMailState.Digest, nowUtc, today, ct))
            {
                sent++;
            }
            else
            {
                await db.Users.Where(u => u.Id == recipient).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDigestOn, (DateOnly?)null), ct);
            }
        }
        return sent;
    }

    /// <summary>Sends the notices held by <paramref name="claim"/> as one mail (one notice, or a digest) and records the outcome.</summary>
    private async Task<bool> SendClaimedAsync(AppDbContext db, NoticeSettings relay, string municipality, Guid claim, NoticeMailState back,
        DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var notices = await db.Notices.IgnoreQueryFilters().Where(n => n.Claim == claim).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        if (notices.Count == 0)
        {
            return false;
        }
        var recipientId = notices[0].RecipientId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => new { u.DisplayName, u.Email, u.SuspendedAt }).FirstAsync(ct);
        if (user.SuspendedAt is not null || string.IsNullOrWhiteSpace(user.Email))
        {
            // Suspended since, or the address removed: the notice stays in the inbox, and no mail goes out.
            foreach (var n in notices)
            {
                (n.Mail, n.Claim, n.ClaimedAt, n.NextAttemptAt) = (NoticeMailState.NotMailed, null, null, null);
            }
            await db.SaveChangesAsync(ct);
            return false;
        }
        var envelope = new NoticeMail.Envelope(relay.SenderName, relay.SenderAddress!, user.DisplayName, user.Email ?? string.Empty, municipality, relay.SiteUrl!);
        var lines = notices.Select(n => new NoticeMail.Line(n.Id, n.Rule, n.Title)).ToList();
        var message = back == NoticeMailState.Digest ? NoticeMail.Digest(envelope, lines, today) : NoticeMail.OneNotice(envelope, lines[0], today);
        var error = await TrySendAsync(relay, message, ct);
        foreach (var n in notices)
        {
            n.Claim = null;
            n.ClaimedAt = null;
            n.MailAttempts++;
            if (error is null)
            {
                n.Mail = NoticeMailState.Sent;
                n.MailedAt = nowUtc;
                n.MailError = null;
                n.NextAttemptAt = null;
            }
            else
            {
                n.Mail = back;
                n.MailError = error;
                n.NextAttemptAt = nowUtc + Backoff(n.MailAttempts);
            }
        }
        await db.SaveChangesAsync(ct);
        if (error is not null)
        {
            NotSent(logger, notices.Count, notices[0].MunicipalityId);
            await TellAdministratorsAsync(db, relay, notices.Where(n => n.MailAttempts == 1).ToList(), user.DisplayName, nowUtc, ct);
        }
        return error is null;
    }

    /// <summary>Tells 管理者 (who fixes the relay) and 事務局 (who sees who was not reached) of a notice's first failed mail, once.</summary>
    private static async Task TellAdministratorsAsync(AppDbContext db, NoticeSettings relay, List<Notice> failed, string recipientName, DateTime nowUtc, CancellationToken ct)
    {
        if (failed.Count == 0)
        {
            return;
        }
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.MunicipalityId == relay.MunicipalityId && (u.Role == Accounts.UserRole.Admin || u.Role == Accounts.UserRole.Office) && u.SuspendedAt == null)
            .Select(u => new { u.Id, u.Role }).ToListAsync(ct);
        var told = admins.SelectMany(a => failed.Select(f => new NoticeStore.NewNotice(NoticeRule.MailFailure, a.Id, $"mail-failure:{f.Id}",
            $"{recipientName} さんへの通知メールを送れませんでした（{f.Rule.JapaneseName()}）。送信は自動で再試行します",
            a.Role == Accounts.UserRole.Admin ? "/organization/notices" : "/notices/log?rule=" + f.Rule, null))).ToList();
        await NoticeStore.AddAsync(db, relay.MunicipalityId, relay, told, nowUtc, ct);
    }

    /// <summary>Sends a test mail; returns null when the relay accepted it, else its answer.</summary>
    public async Task<string?> SendTestAsync(NoticeSettings relay, string municipality, string recipientName, string recipientAddress, DateOnly today, CancellationToken ct) =>
        await TrySendAsync(relay, NoticeMail.Test(new NoticeMail.Envelope(relay.SenderName, relay.SenderAddress ?? string.Empty, recipientName, recipientAddress,
            municipality, relay.SiteUrl ?? string.Empty), today), ct);

    /// <summary>One SMTP session; the relay's refusal, or why it could not be reached, in words an administrator can act on.</summary>
    public async Task<string?> TrySendAsync(NoticeSettings relay, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = relay.RelaySecurity switch
            {
                RelaySecurity.StartTls => SecureSocketOptions.StartTls,
                RelaySecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(relay.RelayHost ?? string.Empty, relay.RelayPort, security, ct);
            if (!string.IsNullOrEmpty(relay.RelayUser))
            {
                await client.AuthenticateAsync(relay.RelayUser, relay.RelayPassword is { Length: > 0 } p ? Protector.Unprotect(p) : string.Empty, ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return null;
        }
        catch (SmtpCommandException ex)
        {
            return $"SMTPサーバーが受け付けませんでした（{(int)ex.StatusCode} {ex.Message}）";
        }
        catch (AuthenticationException ex)
        {
            return $"SMTP認証に失敗しました（{ex.Message}）。ユーザー名とパスワードを確かめてください。";
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            return $"SMTPサーバー {relay.RelayHost}:{relay.RelayPort} に接続できませんでした（{ex.Message}）";
        }
    }

    /// <summary>The relay could not be reached or spoke no SMTP (as opposed to the app shutting down).</summary>
    private static bool IsUnreachable(Exception ex, CancellationToken ct) => ex switch
    {
        SocketException or IOException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or TimeoutException => true,
        NotSupportedException or System.Security.Cryptography.CryptographicException => true,
        OperationCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice mail not sent ({Count} notices, municipality {MunicipalityId}); will retry.")]
    private static partial void NotSent(ILogger logger, int count, Guid municipalityId);
}
