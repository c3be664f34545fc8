using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Notices.NoticeSetup;

namespace Mamori.Tests.Features.Notices;

/// <summary>所属長確認 by the 所属長 themselves: told by mail, opened from the link, confirmed with their own account; nobody else may.</summary>
public sealed class SupervisorReviewTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheSupervisor_IsToldByMail_AndConfirmsTheAlertThemselves_WhileNobodyElseCan(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await RelayAsync(factory, tenant);
        var supervisorMail = await MailboxAsync(factory, tenant, UserRole.Department);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var supervisorId = await UserIdAsync(factory, tenant, UserRole.Department);
        var flagged = await admin.PostFormAsync($"/organization/accounts/edit/{supervisorId}", new()
        {
            ["Input.DisplayName"] = "戸籍 課長",
            ["Input.Role"] = "Department",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.IsSupervisor"] = "true",
            ["Input.Email"] = supervisorMail,
            ["Input.ConcurrencyStamp"] = await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.Id == supervisorId).Select(u => u.ConcurrencyStamp!).FirstAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var alert = await AlertAsync(factory, tenant, "戸籍住民課");
        var elsewhere = await AlertAsync(factory, tenant, "情報管理課", staffId: "S00999");

        // The officer sends both to 所属長確認 with what the investigation found.
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        foreach (var a in new[] { alert, elsewhere })
        {
            var moved = await security.PostFormAsync($"/access/alerts/{a.Id}", new()
            {
                ["Input.To"] = "SupervisorReview",
                ["Input.Comment"] = "本人に聞き取り。窓口での本人確認のためと説明。",
                ["Input.Version"] = a.Version.ToString(),
            }, $"/access/alerts/{a.Id}?handler=Move");
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        await RunAsync(factory, tenant);

        // Told once, by mail, with the link to the confirmation; the other department's alert has no 所属長 account and tells nobody.
        var notice = Assert.Single(await NoticesAsync(factory, tenant), n => n.Rule == NoticeRule.SupervisorReview);
        Assert.Equal(supervisorId, notice.RecipientId);
        Assert.Equal($"/access/alerts/{alert.Id}/confirm", notice.Link);
        var mail = Assert.Single(await SmtpSink.Instance.WaitForAsync(supervisorMail));
        Assert.StartsWith("【Mamori】所属長確認をお願いします", mail.Subject);
        Assert.DoesNotContain("P-7f3a9c", mail.TextBody);

        // Only that 所属長 opens it; the page does not show the resident.
        using var supervisor = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var page = WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/access/alerts/{alert.Id}/confirm"));
        Assert.Contains("本人に聞き取り。窓口での本人確認のためと説明。", page);
        Assert.DoesNotContain("P-7f3a9c", page);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/access/alerts/{elsewhere.Id}/confirm")).StatusCode);
        foreach (var role in new[] { UserRole.Office, UserRole.Security, UserRole.Admin })
        {
            using var other = await Browser.SignInAsync(factory, tenant, role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/access/alerts/{alert.Id}/confirm")).StatusCode);
        }

        // Without a comment: refused by name, nothing changes.
        var version = await factory.AsSystemAsync((_, db) => db.AccessAlerts.Where(a => a.Id == alert.Id).Select(a => a.Version).FirstAsync());
        var refused = await supervisor.PostFormAsync($"/access/alerts/{alert.Id}/confirm", new() { ["Input.Outcome"] = "Legitimate", ["Input.Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("確認した内容（本人への聞き取り、業務上の理由など）を入力してください。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var confirmed = await supervisor.PostFormAsync($"/access/alerts/{alert.Id}/confirm", new()
        {
            ["Input.Outcome"] = "Legitimate",
            ["Input.Comment"] = "窓口で本人確認書類を照合した記録あり。業務上必要な参照。",
            ["Input.Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Include(a => a.Comments).FirstAsync(a => a.Id == alert.Id));
        Assert.Equal(AlertStatus.Closed, stored.Status);
        Assert.Equal(AlertOutcome.Legitimate, stored.Outcome);
        Assert.Equal(supervisorId, stored.SupervisorAccountId);
        Assert.Contains("戸籍 課長", stored.Supervisor);
        var last = stored.Comments.OrderBy(c => c.At).Last();
        Assert.Contains("所属長", last.Author);
        Assert.Equal(AlertStatus.SupervisorReview, last.From);

        // Confirmed once: a second confirmation is refused with a message, never a 500.
        var again = await supervisor.PostFormAsync($"/access/alerts/{alert.Id}/confirm", new()
        {
            ["Input.Outcome"] = "Violation",
            ["Input.Comment"] = "やはり違反",
            ["Input.Version"] = stored.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("所属長確認を待っているアラートだけを確認できます。", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(AlertOutcome.Legitimate, (await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().FirstAsync(a => a.Id == alert.Id))).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheSupervisor_CanSendItBack_WithTheReason(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var supervisorId = await UserIdAsync(factory, tenant, UserRole.Department);
        await factory.AsSystemAsync(async (_, db) =>
        {
            var u = await db.Users.FirstAsync(x => x.Id == supervisorId);
            u.IsSupervisor = true;
            return await db.SaveChangesAsync();
        });
        var alert = await AlertAsync(factory, tenant, "戸籍住民課");
        await factory.AsSystemAsync(async (_, db) =>
        {
            var a = await db.AccessAlerts.FirstAsync(x => x.Id == alert.Id);
            a.Status = AlertStatus.SupervisorReview;
            return await db.SaveChangesAsync();
        });
        var version = await factory.AsSystemAsync((_, db) => db.AccessAlerts.Where(a => a.Id == alert.Id).Select(a => a.Version).FirstAsync());
        using var supervisor = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var back = await supervisor.PostFormAsync($"/access/alerts/{alert.Id}/confirm", new()
        {
            ["Input.Comment"] = "当日の窓口受付簿と照合してください。",
            ["Input.Version"] = version.ToString(),
        }, $"/access/alerts/{alert.Id}/confirm?handler=SendBack");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var stored = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().Include(a => a.Comments).FirstAsync(a => a.Id == alert.Id));
        Assert.Equal(AlertStatus.Investigating, stored.Status);
        Assert.Null(stored.Outcome);
        Assert.Equal("当日の窓口受付簿と照合してください。", stored.Comments.Single().Text);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheOfficer_CannotConfirmOnTheSupervisorsBehalf_UnlessTheDepartmentHasNoSupervisorAccount(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var supervisorId = await UserIdAsync(factory, tenant, UserRole.Department);
        async Task SupervisorAsync(bool supervisor, bool suspended) => await factory.AsSystemAsync(async (_, db) =>
        {
            var u = await db.Users.FirstAsync(x => x.Id == supervisorId);
            (u.IsSupervisor, u.SuspendedAt) = (supervisor, suspended ? DateTime.UtcNow : null);
            return await db.SaveChangesAsync();
        });
        await SupervisorAsync(supervisor: true, suspended: false);
        var alert = await AlertAsync(factory, tenant, "戸籍住民課");
        await factory.AsSystemAsync(async (_, db) =>
        {
            (await db.AccessAlerts.FirstAsync(x => x.Id == alert.Id)).Status = AlertStatus.SupervisorReview;
            return await db.SaveChangesAsync();
        });
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        async Task<HttpResponseMessage> CloseAsync() => await security.PostFormAsync($"/access/alerts/{alert.Id}", new()
        {
            ["Input.To"] = "Closed",
            ["Input.Outcome"] = "Legitimate",
            ["Input.Supervisor"] = "戸籍 課長",
            ["Input.Comment"] = "電話で課長に確認した。",
            ["Input.Version"] = (await factory.AsSystemAsync((_, db) => db.AccessAlerts.Where(a => a.Id == alert.Id).Select(a => a.Version).FirstAsync())).ToString(),
        }, $"/access/alerts/{alert.Id}?handler=Move");

        // The page offers the officer 差戻し only, and a close sent anyway is refused by name; nothing changes.
        var page = WebUtility.HtmlDecode(await security.GetPageAsync($"/access/alerts/{alert.Id}"));
        Assert.DoesNotContain("name=\"Input.To\" value=\"Closed\"", page);
        var refused = await CloseAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("所属長確認は所属長が自分のアカウントで記録します。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(AlertStatus.SupervisorReview, (await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().FirstAsync(a => a.Id == alert.Id))).Status);

        // A suspended 所属長 account, or none, leaves the officer to record the confirmation given on paper.
        await SupervisorAsync(supervisor: true, suspended: true);
        Assert.Contains("name=\"Input.To\" value=\"Closed\"", WebUtility.HtmlDecode(await security.GetPageAsync($"/access/alerts/{alert.Id}")));
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync()).StatusCode);
        var stored = await factory.AsSystemAsync((_, db) => db.AccessAlerts.AsNoTracking().FirstAsync(a => a.Id == alert.Id));
        Assert.Equal((AlertStatus.Closed, "戸籍 課長", (string?)null), (stored.Status, stored.Supervisor, stored.SupervisorAccountId));
    }
}
