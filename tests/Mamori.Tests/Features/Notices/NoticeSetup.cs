using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Notices;

/// <summary>A municipality whose notices go through the tests' SMTP server, and records that fall due.</summary>
public static class NoticeSetup
{
    public const string SiteUrl = "https://mamori.city.example.lg.jp";

    /// <summary>A name that stands for residents' data: it may be in a record, never in a notice, a mail or a feed.</summary>
    public const string ResidentName = "山田花子";

    /// <summary>Saves the relay settings through the 管理者's page (as 管理者 would), pointing at <paramref name="port"/> (the test server by default).</summary>
    public static async Task RelayAsync(MamoriFactory factory, TestTenant tenant, int? port = null, int digestHour = 8, IEnumerable<NoticeRule>? off = null)
    {
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var version = await factory.AsSystemAsync((_, db) => db.NoticeSettings.Where(s => s.MunicipalityId == tenant.MunicipalityId).Select(s => (Guid?)s.Version).FirstOrDefaultAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.RelayHost", SmtpSink.Instance.Host),
            new("Input.RelayPort", (port ?? SmtpSink.Instance.Port).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.RelaySecurity", "None"),
            new("Input.SenderAddress", "kojinjoho@city.example.lg.jp"),
            new("Input.SenderName", "個人情報保護担当"),
            new("Input.SiteUrl", SiteUrl),
            new("Input.DigestHour", digestHour.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Version", version?.ToString() ?? string.Empty),
        };
        fields.AddRange(NoticeRules.All.Except(off ?? []).Select(r => new KeyValuePair<string, string>("Input.Enabled", r.ToString())));
        var response = await admin.PostFormAsync("/organization/notices", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"通知の設定を保存できません：{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Gives the account of <paramref name="role"/> a fresh mail address and mail choice; returns the address.</summary>
    public static async Task<string> MailboxAsync(MamoriFactory factory, TestTenant tenant, UserRole role, NoticeMailChoice choice = NoticeMailChoice.Each, string? address = null)
    {
        address ??= SmtpSink.NewAddress(role.ToString().ToLowerInvariant());
        var userName = tenant.UserName(role);
        await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == userName);
            AccountEmail.Set(user, address);
            user.NoticeMail = choice;
            await db.SaveChangesAsync();
            return 0;
        });
        return address;
    }

    public static Task<string> UserIdAsync(MamoriFactory factory, TestTenant tenant, UserRole role) =>
        factory.AsSystemAsync((_, db) => db.Users.Where(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == tenant.UserName(role)).Select(u => u.Id).FirstAsync());

    /// <summary>An incident whose 速報 falls due on <paramref name="dueOn"/>; its title names a resident, as staff sometimes write.</summary>
    public static Task<Incident> IncidentAsync(MamoriFactory factory, TestTenant tenant, DateOnly dueOn, int number = 1) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            var incident = new Incident
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = tenant.OwnDepartmentId,
                Number = number,
                Title = $"{ResidentName}さんの住民票の誤交付",
                Summary = $"{ResidentName}さん（本町1-2-3）の住民票を別人に交付した。",
                LearnedOn = dueOn.AddDays(-5),
                PreliminaryDueOn = dueOn,
                FinalDueOn = dueOn.AddDays(30),
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            return incident;
        });

    /// <summary>A finding of <paramref name="department"/> due on <paramref name="dueOn"/>.</summary>
    public static Task<Finding> FindingAsync(MamoriFactory factory, TestTenant tenant, Guid department, DateOnly dueOn, string heading) =>
        factory.AsSystemAsync(async (_, db) =>
        {
            var inspection = new Inspection { MunicipalityId = tenant.MunicipalityId, Title = "個人情報保護委員会による実地調査", StartOn = dueOn.AddDays(-90) };
            var finding = new Finding
            {
                MunicipalityId = tenant.MunicipalityId,
                InspectionId = inspection.Id,
                DepartmentId = department,
                Number = 1,
                Heading = heading,
                Text = $"{ResidentName}さんの申請書が施錠されていない棚にあった。",
                DueOn = dueOn,
            };
            db.Inspections.Add(inspection);
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
            return finding;
        });

    /// <summary>An access-log alert about a staff member of <paramref name="userDept"/> (as the staff master names it), under investigation.</summary>
    public static Task<Core.Features.AccessMonitoring.AccessAlert> AlertAsync(MamoriFactory factory, TestTenant tenant, string userDept, string staffId = "S00123") =>
        factory.AsSystemAsync(async (_, db) =>
        {
            var analysis = new Core.Features.AccessMonitoring.AccessAnalysis
            {
                MunicipalityId = tenant.MunicipalityId,
                From = factory.Today.AddDays(-1),
                To = factory.Today.AddDays(-1),
                RanAt = DateTime.UtcNow,
                RanBy = "テスト",
            };
            var alert = new Core.Features.AccessMonitoring.AccessAlert
            {
                MunicipalityId = tenant.MunicipalityId,
                AnalysisId = analysis.Id,
                Rule = "R03",
                UserId = staffId,
                UserDept = userDept,
                Day = factory.Today.AddDays(-1),
                ResidentId = "P-7f3a9c",
                Severity = "high",
                Count = 12,
                Status = Core.Features.AccessMonitoring.AlertStatus.Investigating,
                DetectedAt = DateTime.UtcNow,
            };
            db.AccessAnalyses.Add(analysis);
            db.AccessAlerts.Add(alert);
            await db.SaveChangesAsync();
            return alert;
        });

    /// <summary>One scheduler run for the tenant, as the app runs it every few minutes.</summary>
    public static Task<int> RunAsync(MamoriFactory factory, TestTenant tenant) =>
        factory.Services.GetRequiredService<NoticeScheduler>().RunAsync([tenant.MunicipalityId], CancellationToken.None);

    public static Task<List<Notice>> NoticesAsync(MamoriFactory factory, TestTenant tenant) =>
        factory.AsSystemAsync((_, db) => db.Notices.AsNoTracking().Where(n => n.MunicipalityId == tenant.MunicipalityId).OrderBy(n => n.CreatedAt).ToListAsync());
}
