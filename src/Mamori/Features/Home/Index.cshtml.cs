using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record Card(string Title, string Url, string Summary, bool Alert = false);

    public string MunicipalityName { get; private set; } = string.Empty;
    public List<Card> Cards { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("ホーム");
        MunicipalityName = await db.Municipalities.Select(m => m.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var unread = await Core.Features.Notices.Inbox.UnreadAsync(db, db.Tenant.UserId!, ct);
        Cards.Add(new("お知らせ", "/inbox", unread == 0 ? "未読のお知らせはありません。" : $"未読のお知らせが {unread} 件あります。", unread > 0));
        if (await Allowed(Policies.RegisterRead))
        {
            var counts = await db.PersonalInfoFiles.GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            int Count(RegisterStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
            Cards.Add(new("個人情報ファイル簿", "/register", User.Role() == UserRole.Member
                ? $"公表中 {Count(RegisterStatus.Published)} 件"
                : $"公表中 {Count(RegisterStatus.Published)} 件・確認待ち {Count(RegisterStatus.Submitted)} 件・差戻し {Count(RegisterStatus.Returned)} 件・下書き {Count(RegisterStatus.Draft)} 件"));
        }
        if (await Allowed(Policies.ReviewsRead))
        {
            var open = await CaseReading.OpenQuestions(db).CountAsync(ct);
            var drafts = await db.ReviewCases.CountAsync(c => c.Status == CaseStatus.Draft, ct);
            var awaiting = await db.ReviewCases.CountAsync(c => c.Status == CaseStatus.Submitted, ct);
            Cards.Add(new("自己点検・部会審査", "/reviews", $"回答待ちの質問 {open} 件・作成中の自己点検 {drafts} 件・審査待ちの案件 {awaiting} 件"));
        }
        if (await Allowed(Policies.CouncilRead))
        {
            var today = Core.Japanese.JapanTime.Today(clock);
            var upcoming = await db.Meetings.Where(m => m.HeldOn >= today && m.Status == Core.Features.Council.MeetingStatus.Planned).CountAsync(ct);
            var unanswered = await db.WrittenOpinions.CountAsync(o => o.Answer == null, ct);
            Cards.Add(new("審議会", "/council", User.Role() == UserRole.Member
                ? $"予定の会議 {upcoming} 件"
                : $"予定の会議 {upcoming} 件・回答していない委員の質問・意見 {unanswered} 件"));
        }
        if (await Allowed(Policies.FindingsRead) || await Allowed(Policies.IncidentsRead))
        {
            var today = Core.Japanese.JapanTime.Today(clock);
            var overview = await Core.Features.Findings.FindingsOverview.BuildAsync(db, db.Tenant.MunicipalityId!.Value, today, ct);
            if (await Allowed(Policies.IncidentsRead))
            {
                var late = overview.IncidentDuties.Count(d => d.IsOverdue(today));
                var soon = overview.IncidentDuties.Count(d => d.IsDueSoon(today));
                Cards.Add(new("漏えい等事案", "/incidents", overview.IncidentDuties.Count == 0
                    ? "未了の報告・本人通知はありません。"
                    : $"未了の報告・本人通知 {overview.IncidentDuties.Count} 件（期限超過 {late} 件・{Core.Features.Findings.PendingDuty.SoonDays}日以内 {soon} 件）", late + soon > 0));
            }
            if (await Allowed(Policies.FindingsRead))
            {
                var missed = overview.MissedTasks.Count;
                Cards.Add(new("指摘事項", "/findings",
                    $"期限超過 {overview.OverdueFindings.Count} 件・事務局の確認待ち {overview.AwaitingCheck} 件・未実施の定期的な取組 {missed} 回",
                    overview.OverdueFindings.Count + missed > 0));
            }
        }
        if (await Allowed(Policies.AccessRead))
        {
            var open = await db.AccessAlerts.Where(a => a.Status != Core.Features.AccessMonitoring.AlertStatus.Closed)
                .GroupBy(a => a.Status == Core.Features.AccessMonitoring.AlertStatus.New).Select(g => new { IsNew = g.Key, Count = g.Count() }).ToListAsync(ct);
            var fresh = open.Where(g => g.IsNew).Sum(g => g.Count);
            Cards.Add(new("アクセスログ監視", "/access", $"新規のアラート {fresh} 件・対応中 {open.Where(g => !g.IsNew).Sum(g => g.Count)} 件", fresh > 0));
        }
        if (await Allowed(Policies.OrganizationRead))
        {
            var departments = await db.Departments.CountAsync(d => d.IsActive, ct);
            var staff = await db.Staff.CountAsync(s => s.Status != StaffStatus.Retired, ct);
            Cards.Add(new("部署", "/organization/departments", $"部署 {departments} 件"));
            Cards.Add(new("職員", "/organization/staff", $"在職・休職中の職員 {staff} 名"));
        }
        if (await Allowed(Policies.AccountReview))
        {
            var candidates = await ListLongAbsence.RunAsync(db, clock, ct);
            Cards.Add(new("長期不在チェック", "/organization/long-absence",
                candidates.Count == 0 ? "停止を検討すべきアカウントはありません。" : $"停止を検討すべきアカウントが {candidates.Count} 件あります。"));
        }
        if (await Allowed(Policies.AuditRead))
        {
            var today = Core.Japanese.JapanTime.StartOfDayUtc(Core.Japanese.JapanTime.Today(clock));
            var changes = await db.AuditEntries.CountAsync(e => e.OccurredAt >= today, ct);
            Cards.Add(new("監査ログ", "/audit", $"本日の記録 {changes} 件"));
        }
    }

    private async Task<bool> Allowed(string policy) => (await authz.AuthorizeAsync(User, policy)).Succeeded;
}
