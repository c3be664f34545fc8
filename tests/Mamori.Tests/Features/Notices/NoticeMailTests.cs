using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Mamori.Tests.Features.Notices.NoticeSetup;

namespace Mamori.Tests.Features.Notices;

/// <summary>Deadlines reach the person who must act by mail through a real SMTP server, once, in Japanese, without residents' data.</summary>
public sealed class NoticeMailTests(AppFixture app)
{
    private static string Body(MimeMessage m) => (m.TextBody ?? string.Empty).Replace("\r\n", "\n");

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task IncidentDeadline_ReachesTheOffice_OnceByMail_InJapanese_WithoutResidentData(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RelayAsync(factory, tenant);
        var office = await MailboxAsync(factory, tenant, UserRole.Office);
        var today = factory.Today;
        var due = await IncidentAsync(factory, tenant, today.AddDays(3), number: 1);
        var notYet = await IncidentAsync(factory, tenant, today.AddDays(4), number: 2);

        await RunAsync(factory, tenant);
        await RunAsync(factory, tenant);

        // 3 days before the 速報 is due the 事務局 is told; 4 days before, not yet.
        var notices = await NoticesAsync(factory, tenant);
        var notice = Assert.Single(notices, n => n.Rule == NoticeRule.IncidentReport);
        Assert.Equal($"incident:{due.Id}:速報:d3", notice.Key);
        Assert.Equal($"漏えい等事案 第1号の速報（期限まであと3日・{WarekiDate.FormatWithWeekday(today.AddDays(3))}）", notice.Title);
        Assert.DoesNotContain(notices, n => n.Key.Contains(notYet.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(NoticeMailState.Sent, notice.Mail);

        var mail = Assert.Single(await SmtpSink.Instance.WaitForAsync(office));
        Assert.Equal("【Mamori】" + notice.Title, mail.Subject);
        Assert.Equal("kojinjoho@city.example.lg.jp", mail.From.Mailboxes.Single().Address);
        Assert.Equal("個人情報保護担当", mail.From.Mailboxes.Single().Name);
        var body = Body(mail);
        Assert.Contains($"{SiteUrl}/inbox/{notice.Id}", body);
        Assert.Contains("事務局 太郎 様", body);
        Assert.Contains(WarekiDate.Format(today), body);
        Assert.DoesNotContain(ResidentName, body + mail.Subject);
        // The subject travels RFC 2047-encoded: the raw header is ASCII and decodes to the Japanese above.
        var raw = File.ReadAllText(Directory.EnumerateFiles(SmtpSink.Instance.Folder, "*.eml").First(f => File.ReadAllText(f).Contains(office, StringComparison.Ordinal)));
        var subjectLine = raw.Split("\r\n").First(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.True(subjectLine.All(c => c < 128), subjectLine);
        Assert.Contains("=?utf-8?", subjectLine, StringComparison.OrdinalIgnoreCase);

        // On the day the next stage is told, again once; the notice and its sending are in the audit trail, without the resident.
        await factory.AsSystemAsync(async (_, db) =>
        {
            var i = await db.Incidents.FirstAsync(x => x.Id == due.Id);
            i.PreliminaryDueOn = today;
            return await db.SaveChangesAsync();
        });
        await RunAsync(factory, tenant);
        await RunAsync(factory, tenant);
        var mails = await SmtpSink.Instance.WaitForAsync(office, 2);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Subject!.Contains("本日が期限", StringComparison.Ordinal));
        var audit = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == nameof(Notice)).ToListAsync());
        Assert.Contains(audit, e => e.Changes.Contains(notice.RecipientId, StringComparison.Ordinal) && e.Changes.Contains("incident:", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.EntityKey == notice.Id.ToString() && e.Changes.Contains("Sent", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Changes.Contains(ResidentName, StringComparison.Ordinal));

        // The office sees who was told what, and when the mail went.
        using var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor);
        var log = WebUtility.HtmlDecode(await auditor.GetPageAsync("/notices/log?rule=IncidentReport"));
        Assert.Contains(notice.Title, log);
        Assert.Contains("事務局 太郎", log);
        Assert.Contains("送信済み（", log);
        var csv = await auditor.GetAsync("/notices/log?handler=Csv&rule=IncidentReport&encoding=sjis");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Core.Csv.CsvEncodings.Cp932.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("日時,宛先,種類,件名,既読,メール", text);
        Assert.Contains(notice.Title, text);
        Assert.DoesNotContain(ResidentName, text);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DigestAndNoMail_AreHonoured_ButTheReportClockIsMailedAnyway(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = factory.Today;
        // The factory's clock reads 10:00 JST: a digest hour of 23 has not come yet.
        await RelayAsync(factory, tenant, digestHour: 23);
        var department = await MailboxAsync(factory, tenant, UserRole.Department, NoticeMailChoice.Digest);
        var office = await MailboxAsync(factory, tenant, UserRole.Office, NoticeMailChoice.None);
        await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today.AddDays(7), "申請書の保管");
        await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today.AddDays(1), "端末の画面ロック");
        await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today.AddDays(8), "来年度の研修計画");
        await FindingAsync(factory, tenant, tenant.OtherDepartmentId, today.AddDays(1), "他課の指摘");
        await IncidentAsync(factory, tenant, today);

        await RunAsync(factory, tenant);
        var departmentId = await UserIdAsync(factory, tenant, UserRole.Department);
        var notices = await NoticesAsync(factory, tenant);
        var mine = notices.Where(n => n.RecipientId == departmentId).ToList();
        // 7 days and 1 day before: told; 8 days before: not yet; another department's finding: never. Each of the
        // department's own findings was also told once as assigned to it.
        Assert.Equal(["申請書の保管", "端末の画面ロック"], mine.Where(n => n.Rule == NoticeRule.FindingDue).Select(n => n.Title.Split('「', '」')[1]).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["来年度の研修計画", "申請書の保管", "端末の画面ロック"], mine.Where(n => n.Rule == NoticeRule.FindingAssigned).Select(n => n.Title.Split('「', '」')[1]).Order(StringComparer.Ordinal).ToArray());
        Assert.All(mine, n => Assert.Equal(NoticeMailState.Digest, n.Mail));
        Assert.Empty(SmtpSink.Instance.To(department));

        // The 事務局 chose no mail, but the 速報's clock is mailed whatever anyone chose.
        Assert.Single(await SmtpSink.Instance.WaitForAsync(office));

        // After the digest hour: one mail with both, once.
        await RelayAsync(factory, tenant, digestHour: 8);
        await RunAsync(factory, tenant);
        await RunAsync(factory, tenant);
        var digest = Assert.Single(await SmtpSink.Instance.WaitForAsync(department));
        Assert.Equal($"【Mamori】お知らせ5件（{WarekiDate.FormatWithWeekday(today)}のまとめ）", digest.Subject);
        var body = Body(digest);
        Assert.Contains("指摘事項「申請書の保管」の改善期限", body);
        Assert.Contains("指摘事項「端末の画面ロック」の改善期限", body);
        foreach (var n in mine)
        {
            Assert.Contains($"{SiteUrl}/inbox/{n.Id}", body);
        }
        Assert.DoesNotContain(ResidentName, body);
        Assert.All((await NoticesAsync(factory, tenant)).Where(n => n.RecipientId == departmentId), n => Assert.Equal(NoticeMailState.Sent, n.Mail));

        // A municipality that switches a kind of notice off tells nobody of it.
        await RelayAsync(factory, tenant, off: [NoticeRule.FindingDue, NoticeRule.FindingAssigned]);
        await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today, "鍵の管理");
        await RunAsync(factory, tenant);
        Assert.DoesNotContain(await NoticesAsync(factory, tenant), n => n.Title.Contains("鍵の管理", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ARelayThatRefuses_IsRetriedLater_AndShownToTheAdministrator_UntilItIsSent(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RelayAsync(factory, tenant);
        await MailboxAsync(factory, tenant, UserRole.Office, address: SmtpSink.RefusedAddress());
        await IncidentAsync(factory, tenant, factory.Today.AddDays(1));

        await RunAsync(factory, tenant);
        var failed = Assert.Single(await NoticesAsync(factory, tenant), n => n.Rule == NoticeRule.IncidentReport);
        Assert.Equal(NoticeMailState.Pending, failed.Mail);
        Assert.Equal(1, failed.MailAttempts);
        Assert.Contains("550", failed.MailError);
        Assert.Contains("Recipient address rejected", failed.MailError);
        Assert.True(failed.NextAttemptAt > failed.CreatedAt.AddSeconds(50), $"{failed.NextAttemptAt} は {failed.CreatedAt} の約1分後のはず");

        // Not tried again before its time.
        await RunAsync(factory, tenant);
        Assert.Equal(1, (await NoticesAsync(factory, tenant)).Single(n => n.Id == failed.Id).MailAttempts);

        // The 管理者 is told once, in the inbox, and the settings page shows the relay's answer.
        var adminId = await UserIdAsync(factory, tenant, UserRole.Admin);
        Assert.Single(await NoticesAsync(factory, tenant), n => n.Rule == NoticeRule.MailFailure && n.RecipientId == adminId);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var page = WebUtility.HtmlDecode(await admin.GetPageAsync("/organization/notices"));
        Assert.Contains("送れなかったメール", page);
        Assert.Contains("Recipient address rejected", page);

        // Fixed and sent again at once: delivered, the error cleared.
        var good = await MailboxAsync(factory, tenant, UserRole.Office);
        var retried = await admin.PostFormAsync("/organization/notices", new Dictionary<string, string>(), $"/organization/notices?handler=Retry&id={failed.Id}");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await RunAsync(factory, tenant);
        Assert.Single(await SmtpSink.Instance.WaitForAsync(good));
        var sent = (await NoticesAsync(factory, tenant)).Single(n => n.Id == failed.Id);
        Assert.Equal(NoticeMailState.Sent, sent.Mail);
        Assert.Null(sent.MailError);
        Assert.Equal(2, sent.MailAttempts);

        // A relay that is down is an error of its own, in words the 管理者 can act on.
        await RelayAsync(factory, tenant, port: SmtpSink.DeadPort());
        await IncidentAsync(factory, tenant, factory.Today, number: 2);
        await RunAsync(factory, tenant);
        var down = (await NoticesAsync(factory, tenant)).Single(n => n.Rule == NoticeRule.IncidentReport && n.Id != failed.Id && n.Mail != NoticeMailState.Sent);
        Assert.Contains("に接続できませんでした", down.MailError);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheTestMail_ReachesTheAdministrator_AndBadSettingsAreRefusedByName(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var refused = await admin.PostFormAsync("/organization/notices", new Dictionary<string, string>
        {
            ["Input.RelayHost"] = "smtp.city.example.lg.jp",
            ["Input.RelayPort"] = "70000",
            ["Input.SenderAddress"] = "kojinjoho",
            ["Input.SiteUrl"] = "mamori",
            ["Input.DigestHour"] = "8",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("ポートは1から65535の数で入力してください", text);
        Assert.Contains("送信元アドレスをメールアドレスの形", text);
        Assert.Contains("MamoriのURLを https:// から始まる形", text);
        Assert.Empty(await factory.AsSystemAsync((_, db) => db.NoticeSettings.Where(s => s.MunicipalityId == tenant.MunicipalityId).ToListAsync()));

        await RelayAsync(factory, tenant);
        var address = await MailboxAsync(factory, tenant, UserRole.Admin);
        var test = await admin.PostFormAsync("/organization/notices", new Dictionary<string, string>(), "/organization/notices?handler=Test");
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        var mail = Assert.Single(await SmtpSink.Instance.WaitForAsync(address));
        Assert.Equal("【Mamori】テストメール", mail.Subject);
        Assert.Contains("通知メールの設定は正しく動いています", Body(mail));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAccountSuspendedBeforeItsMailWent_GetsNoMail_ButKeepsTheNotice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RelayAsync(factory, tenant);
        var office = await MailboxAsync(factory, tenant, UserRole.Office);
        var officeId = await UserIdAsync(factory, tenant, UserRole.Office);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.Id == officeId);
            user.SuspendedAt = now;
            var notice = new Notice
            {
                MunicipalityId = tenant.MunicipalityId,
                RecipientId = officeId,
                Rule = NoticeRule.MemberTerm,
                Key = "member-term:suspended",
                Title = "停止前に保存されたお知らせ",
                Link = "/council",
                CreatedAt = now,
                Mail = NoticeMailState.Pending,
                NextAttemptAt = now,
            };
            db.Notices.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<NoticeScheduler>(factory.Services).SendAsync(CancellationToken.None);
        Assert.Equal(NoticeMailState.NotMailed, (await NoticesAsync(factory, tenant)).Single(n => n.Id == id).Mail);
        Assert.Empty(SmtpSink.Instance.To(office));
    }
}
