using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Mamori.Tests.Features.Notices.NoticeSetup;

namespace Mamori.Tests.Features.Notices;

/// <summary>
/// A notice is never sent twice and never lost: across a restart between storing and sending, a sender that died
/// holding a claim, and a second instance on the same database (one holds the lease).
/// </summary>
public sealed class NoticeDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ARestartAndASecondInstance_NeitherLoseNorDoubleANotice(DatabaseProvider provider)
    {
        // An application of its own: the second instance below takes the sending lease away from it.
        await using var factory = new MamoriFactory(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RelayAsync(factory, tenant);
        var office = await MailboxAsync(factory, tenant, UserRole.Office);
        var security = await MailboxAsync(factory, tenant, UserRole.Security);
        var running = factory.Services.GetRequiredService<NoticeScheduler>();
        await running.SendAsync(CancellationToken.None);

        // Stored by an instance that stopped before sending, and one claimed by a sender that died mid-send.
        var officeId = await UserIdAsync(factory, tenant, UserRole.Office);
        var securityId = await UserIdAsync(factory, tenant, UserRole.Security);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.AsSystemAsync(async (_, db) =>
        {
            db.Notices.Add(new Notice
            {
                MunicipalityId = tenant.MunicipalityId,
                RecipientId = officeId,
                Rule = NoticeRule.MemberTerm,
                Key = "member-term:stored",
                Title = "保存だけされたお知らせ",
                Link = "/council",
                CreatedAt = now,
                Mail = NoticeMailState.Pending,
                NextAttemptAt = now,
            });
            db.Notices.Add(new Notice
            {
                MunicipalityId = tenant.MunicipalityId,
                RecipientId = securityId,
                Rule = NoticeRule.AccessAlertNew,
                Key = "analysis:claimed",
                Title = "送信中に止まったお知らせ",
                Link = "/access",
                CreatedAt = now,
                Mail = NoticeMailState.Sending,
                Claim = Guid.NewGuid(),
                ClaimedAt = now - NoticeSender.ClaimTimeout - TimeSpan.FromMinutes(1),
            });
            return await db.SaveChangesAsync();
        });

        // A second instance finds the lease held and sends nothing.
        var second = new NoticeSender(factory.Services.GetRequiredService<IDataProtectionProvider>(), NullLogger<NoticeSender>.Instance);
        Assert.Equal(0, await SendAsync(factory, second, now));

        // The running instance (restarted or not) sends each once, the dead claim taken back.
        Assert.Equal(2, await running.SendAsync(CancellationToken.None));
        Assert.Single(await SmtpSink.Instance.WaitForAsync(office));
        Assert.Single(await SmtpSink.Instance.WaitForAsync(security));

        // When the first instance's lease runs out the second takes over, with nothing left to send twice.
        Assert.Equal(0, await SendAsync(factory, second, now.AddMinutes(6)));
        Assert.Equal(0, await running.SendAsync(CancellationToken.None));
        var stored = await NoticesAsync(factory, tenant);
        Assert.All(stored, n => Assert.Equal(NoticeMailState.Sent, n.Mail));
        Assert.Single(SmtpSink.Instance.To(office));
        Assert.Single(SmtpSink.Instance.To(security));
        var lease = await factory.AsSystemAsync((_, db) => db.ServiceLeases.AsNoTracking().SingleAsync(l => l.Name == NoticeSender.LeaseName));
        Assert.Equal(second.Holder, lease.Holder);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StoringTheSameNotices_FromTwoRunsAtOnce_StoresEachOnce(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await IncidentAsync(factory, tenant, factory.Today.AddDays(1));
        await FindingAsync(factory, tenant, tenant.OwnDepartmentId, factory.Today, "申請書の保管");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(tenant.MunicipalityId, "テスト");
            return await NoticeStore.StoreDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), tenant.MunicipalityId, factory.Today, now, CancellationToken.None);
        })).ToList();
        var added = await Task.WhenAll(runs);
        var notices = await NoticesAsync(factory, tenant);
        // 2 incident duties due (速報 tomorrow; 確報 later, not yet) → the 速報 to the 事務局; the finding, assigned and due, to the 所管課.
        Assert.Equal(3, notices.Count);
        Assert.Equal(notices.Count, notices.Select(n => (n.RecipientId, n.Key)).Distinct().Count());
        Assert.True(added.Sum() <= notices.Count);
    }

    private static async Task<int> SendAsync(MamoriFactory factory, NoticeSender sender, DateTime nowUtc)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("テスト（別のインスタンス）");
        return await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), nowUtc, CancellationToken.None);
    }
}
