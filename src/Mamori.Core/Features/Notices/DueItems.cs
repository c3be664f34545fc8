using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Notices;

/// <summary>
/// Something a person must act on, read from the modules: who, what (a record title or number, never residents'
/// data), where to open it, its due date, and the occasion reached today (null when nobody needs telling yet,
/// while the due date still belongs in the calendar).
/// </summary>
public sealed record DueItem(NoticeRule Rule, IReadOnlyList<string> Recipients, string Subject, string What, string Link, DateOnly? DueOn, string? Occasion)
{
    /// <summary>The notice's title: what, and for a due date how far it is.</summary>
    public string TitleOn(DateOnly today) => DueOn is { } due ? $"{What}（{NoticeRules.Remaining(due, today)}・{WarekiDate.FormatWithWeekday(due)}）" : What;
}

/// <summary>Reads every module's deadlines and events for one municipality. Runs in that municipality's scope.</summary>
public static class DueItems
{
    /// <summary>The accounts that can be told: active (not suspended), with their role, department and councils.</summary>
    private sealed record People(List<(string Id, UserRole Role, Guid? DepartmentId, bool IsSupervisor)> Accounts, List<CouncilMember> Members)
    {
        public List<string> SupervisorsOf(Guid? departmentId) =>
            departmentId is null ? [] : Accounts.Where(a => a.IsSupervisor && a.DepartmentId == departmentId).Select(a => a.Id).ToList();

        public List<string> Active(IEnumerable<string> ids) => ids.Where(id => Accounts.Any(a => a.Id == id)).ToList();

        public List<string> InRole(UserRole role) => Accounts.Where(a => a.Role == role).Select(a => a.Id).ToList();

        public List<string> OfDepartment(Guid departmentId) =>
            Accounts.Where(a => a.Role == UserRole.Department && a.DepartmentId == departmentId).Select(a => a.Id).ToList();

        public List<string> OfCouncil(Guid councilId, DateOnly on, HashSet<Guid>? except = null) =>
            Members.Where(m => m.CouncilId == councilId && m.UserId != null && m.InOfficeOn(on) && (except is null || !except.Contains(m.Id)))
                .Select(m => m.UserId!).Where(id => Accounts.Any(a => a.Id == id)).Distinct().ToList();
    }

    public static async Task<List<DueItem>> ReadAsync(AppDbContext db, Guid municipalityId, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipalityId && u.SuspendedAt == null)
            .Select(u => new { u.Id, u.Role, u.DepartmentId, u.IsSupervisor }).ToListAsync(ct);
        var people = new People(accounts.Select(a => (a.Id, a.Role, a.DepartmentId, a.IsSupervisor)).ToList(),
            await db.CouncilMembers.AsNoTracking().Where(m => m.UserId != null && m.LeftOn == null).ToListAsync(ct));
        var items = new List<DueItem>();
        items.AddRange(await IncidentsAsync(db, people, today, ct));
        items.AddRange(await FindingsAsync(db, people, today, ct));
        items.AddRange(await RegisterAsync(db, people, ct));
        items.AddRange(await ReviewsAsync(db, people, today, ct));
        items.AddRange(await AssessmentsAsync(db, people, today, ct));
        items.AddRange(await CouncilAsync(db, people, today, ct));
        items.AddRange(await AccessAsync(db, people, today, nowUtc, ct));
        items.AddRange(await SystemsAsync(db, people, today, ct));
        items.AddRange(await ContractsAsync(db, people, today, ct));
        items.AddRange(await AdvisoriesAsync(db, people, today, ct));
        return items.Where(i => i.Recipients.Count > 0).ToList();
    }

    private static async Task<IEnumerable<DueItem>> IncidentsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var open = await db.Incidents.AsNoTracking()
            .Where(i => i.PreliminaryReportedOn == null && i.PreliminaryDueOn != null || i.FinalReportedOn == null && i.FinalDueOn != null).ToListAsync(ct);
        var office = people.InRole(UserRole.Office);
        return open.SelectMany(i => IncidentDeadlines.Duties(i).Where(d => !d.IsDone && d.DueOn is not null).Select(d => new DueItem(
            NoticeRule.IncidentReport, office, $"incident:{i.Id}:{d.Name}", $"漏えい等事案 第{i.Number}号の{d.Name}", $"/incidents/{i.Id}", d.DueOn,
            NoticeRules.Stage(d.DueOn!.Value, today, NoticeRules.IncidentDays, overdue: true))));
    }

    private static async Task<IEnumerable<DueItem>> FindingsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var notStarted = await db.Findings.AsNoTracking().Where(f => f.Status == FindingStatus.NotStarted)
            .Select(f => new { f.Id, f.Heading, f.DepartmentId, f.DueOn }).ToListAsync(ct);
        var items = notStarted.Select(f => new DueItem(NoticeRule.FindingAssigned, people.OfDepartment(f.DepartmentId), $"finding:{f.Id}:assigned",
            $"指摘事項「{f.Heading}」への対応をお願いします{(f.DueOn is { } due ? $"（改善期限 {WarekiDate.Format(due)}）" : "")}", $"/findings/{f.Id}", null, "assigned")).ToList();
        var open = await db.Findings.AsNoTracking()
            .Where(f => f.DueOn != null && (f.Status == FindingStatus.NotStarted || f.Status == FindingStatus.InProgress))
            .Select(f => new { f.Id, f.Heading, f.DepartmentId, DueOn = f.DueOn!.Value }).ToListAsync(ct);
        items.AddRange(open.Select(f => new DueItem(NoticeRule.FindingDue, people.OfDepartment(f.DepartmentId), $"finding:{f.Id}",
            $"指摘事項「{f.Heading}」の改善期限", $"/findings/{f.Id}", f.DueOn, NoticeRules.Stage(f.DueOn, today, NoticeRules.FindingDays, overdue: true))));
        // Sent back by the office's check: 対応中 again, with the reason and who checked. Told once per reason given.
        var returned = await db.Findings.AsNoTracking()
            .Where(f => f.Status == FindingStatus.InProgress && f.CheckedBy != null && f.CheckNote != null && f.CheckedOn == null)
            .Select(f => new { f.Id, f.Heading, f.DepartmentId, f.CheckNote }).ToListAsync(ct);
        items.AddRange(returned.Select(f => new DueItem(NoticeRule.FindingReturned, people.OfDepartment(f.DepartmentId),
            $"finding:{f.Id}:returned:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(f.CheckNote!)))[..16]}",
            $"指摘事項「{f.Heading}」の対応が事務局から差し戻されました", $"/findings/{f.Id}", null, "returned")));
        return items;
    }

    private static async Task<IEnumerable<DueItem>> RegisterAsync(AppDbContext db, People people, CancellationToken ct)
    {
        var returned = await db.PersonalInfoFiles.AsNoTracking().Where(f => f.Status == RegisterStatus.Returned)
            .Select(f => new { f.Id, f.Name, f.FileNumber, f.DepartmentId, f.Version }).ToListAsync(ct);
        return returned.Select(f => new DueItem(NoticeRule.RegisterReturned, people.OfDepartment(f.DepartmentId), $"register:{f.Id}:{f.Version:N}",
            $"個人情報ファイル簿「{f.Name}」（{f.FileNumber}）が差し戻されました", $"/register/{f.Id}", null, "returned"));
    }

    private static async Task<IEnumerable<DueItem>> ReviewsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var questions = await CaseReading.OpenQuestions(db).AsNoTracking()
            .Join(db.ReviewCases, q => q.CaseId, c => c.Id, (q, c) => new { q.Id, q.CaseId, c.Title, c.DepartmentId }).ToListAsync(ct);
        var items = questions.Select(q => new DueItem(NoticeRule.ReviewQuestion, people.OfDepartment(q.DepartmentId), $"review-question:{q.Id}",
            $"部会審査の案件「{q.Title}」への質問に回答してください", $"/reviews/cases/{q.CaseId}", null, "open")).ToList();
        var rounds = await db.ReviewRounds.AsNoTracking().Where(r => r.DeadlineOn != null && r.DeadlineOn >= today)
            .Select(r => new { r.Id, r.Title, DeadlineOn = r.DeadlineOn!.Value }).ToListAsync(ct);
        var office = people.InRole(UserRole.Office);
        items.AddRange(rounds.Select(r => new DueItem(NoticeRule.ReviewRoundDeadline, office, $"round:{r.Id}:{r.DeadlineOn:yyyyMMdd}",
            $"{r.Title}の案件提出締切", $"/reviews/rounds/{r.Id}", r.DeadlineOn, NoticeRules.Stage(r.DeadlineOn, today, NoticeRules.RoundDays, overdue: false))));
        return items;
    }

    private static async Task<IEnumerable<DueItem>> AssessmentsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var rows = await AssessmentQueries.DashboardAsync(db, today, ct);
        var office = people.InRole(UserRole.Office);
        return rows.SelectMany(r => r.Position.Obligations.Select(o => new DueItem(NoticeRule.AssessmentObligation,
            office.Concat(people.OfDepartment(r.Business.DepartmentId)).ToList(), $"pia:{r.Business.Id}:{o.What}:{o.DueOn:yyyyMMdd}",
            $"特定個人情報保護評価「{r.Business.Name}」の{o.What}", $"/assessments/businesses/{r.Business.Id}", o.DueOn,
            o.State switch { ObligationState.Overdue => "overdue", ObligationState.DueSoon => "soon", _ => null })));
    }

    private static async Task<IEnumerable<DueItem>> CouncilAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var councils = await db.Councils.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var office = people.InRole(UserRole.Office);
        var items = new List<DueItem>();
        var successors = await db.CouncilMembers.AsNoTracking().Where(m => m.ReappointedFromId != null).Select(m => m.ReappointedFromId!.Value).ToListAsync(ct);
        var ending = await db.CouncilMembers.AsNoTracking()
            .Where(m => m.LeftOn == null && m.TermEnd >= today && m.TermEnd <= today.AddDays(NoticeRules.MemberTermDays)).ToListAsync(ct);
        items.AddRange(ending.Where(m => !successors.Contains(m.Id)).Select(m => new DueItem(NoticeRule.MemberTerm, office, $"member-term:{m.Id}:{m.TermEnd:yyyyMMdd}",
            $"{councils.GetValueOrDefault(m.CouncilId)}の委員「{m.Name}」の任期満了", $"/council/{m.CouncilId}", m.TermEnd, $"d{NoticeRules.MemberTermDays}")));

        var planned = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned && m.HeldOn >= today).ToListAsync(ct);
        var plannedIds = planned.Select(m => m.Id).ToList();
        var responded = (await db.Attendances.AsNoTracking().Where(a => plannedIds.Contains(a.MeetingId) && a.Status == AttendanceStatus.Written)
            .Select(a => new { a.MeetingId, a.MemberId }).ToListAsync(ct)).ToLookup(a => a.MeetingId, a => a.MemberId);
        foreach (var m in planned)
        {
            var council = councils.GetValueOrDefault(m.CouncilId);
            items.Add(new DueItem(NoticeRule.MeetingPlanned, people.OfCouncil(m.CouncilId, m.HeldOn), $"meeting:{m.Id}:{m.HeldOn:yyyyMMdd}",
                $"{council}「{m.Title}」の開催（{WarekiDate.FormatWithWeekday(m.HeldOn)}{(m.Kind == MeetingKind.Written ? "・書面開催" : "")}）", $"/council/meetings/{m.Id}", null, "planned"));
            if (m.Kind == MeetingKind.Written && m.ResponseDeadline is { } deadline && deadline >= today)
            {
                items.Add(new DueItem(NoticeRule.WrittenDeadline, people.OfCouncil(m.CouncilId, m.HeldOn, responded[m.Id].ToHashSet()),
                    $"written:{m.Id}:{deadline:yyyyMMdd}", $"{council}「{m.Title}」の質問・意見の提出期限", $"/council/meetings/{m.Id}", deadline,
                    NoticeRules.Stage(deadline, today, NoticeRules.WrittenDays, overdue: false)));
            }
        }

        // 答申案の確認: the members asked who have not answered yet, when asked and as the due date comes.
        var drafts = await db.Toshins.AsNoTracking().Where(t => t.AnsweredOn == null && t.ConfirmationRequestedOn != null && t.ConfirmationDueOn >= today).ToListAsync(ct);
        var draftIds = drafts.Select(t => t.Id).ToList();
        var confirmed = (await db.ToshinResponses.AsNoTracking().Where(r => draftIds.Contains(r.ToshinId)).Select(r => new { r.ToshinId, r.MemberId }).ToListAsync(ct))
            .ToLookup(r => r.ToshinId, r => r.MemberId);
        foreach (var t in drafts)
        {
            var due = t.ConfirmationDueOn!.Value;
            items.Add(new DueItem(NoticeRule.ToshinConfirmation, people.OfCouncil(t.CouncilId, t.ConfirmationRequestedOn!.Value, confirmed[t.Id].ToHashSet()),
                $"toshin:{t.Id}:{t.ConfirmationRequestedOn:yyyyMMdd}", $"{councils.GetValueOrDefault(t.CouncilId)}の答申案の確認（{WarekiDate.Format(due)}まで）",
                $"/council/toshin/{t.Id}", due, NoticeRules.Stage(due, today, NoticeRules.ToshinDays, overdue: false) ?? "asked"));
        }

        // 会議で約束した事項: the 事務局 is reminded before the due date, on it and after it until it is done.
        var promised = await (from x in db.ActionItems.AsNoTracking()
                              join m in db.Meetings.AsNoTracking() on x.MeetingId equals m.Id
                              where x.DoneOn == null && x.DueOn != null
                              select new { x.Id, x.Text, x.DueOn, x.MeetingId, m.Title, m.CouncilId }).ToListAsync(ct);
        foreach (var x in promised)
        {
            if (NoticeRules.Stage(x.DueOn!.Value, today, NoticeRules.ActionItemDays, overdue: true) is { } stage)
            {
                items.Add(new DueItem(NoticeRule.ActionItemDue, office, $"action:{x.Id}:{x.DueOn:yyyyMMdd}",
                    $"{councils.GetValueOrDefault(x.CouncilId)}「{x.Title}」で約束した事項：{(x.Text.Length > 40 ? x.Text[..40] + "…" : x.Text)}", $"/council/meetings/{x.MeetingId}/actions", x.DueOn, stage));
            }
        }

        var answered = await db.WrittenOpinions.AsNoTracking().Where(o => o.Answer != null)
            .Join(db.Meetings, o => o.MeetingId, m => m.Id, (o, m) => new { o.Id, o.MemberId, o.MeetingId, m.Title }).ToListAsync(ct);
        var memberAccounts = people.Members.ToDictionary(m => m.Id, m => m.UserId!);
        items.AddRange(answered.Where(o => memberAccounts.ContainsKey(o.MemberId) && people.Accounts.Any(a => a.Id == memberAccounts[o.MemberId]))
            .Select(o => new DueItem(NoticeRule.OpinionAnswered, [memberAccounts[o.MemberId]], $"opinion:{o.Id}:answered",
                $"「{o.Title}」でのご質問・ご意見に事務局が回答しました", $"/council/meetings/{o.MeetingId}", null, "answered")));
        return items;
    }

    private static async Task<IEnumerable<DueItem>> AccessAsync(AppDbContext db, People people, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var security = people.InRole(UserRole.Security);
        var items = new List<DueItem>();
        var fresh = await db.AccessAlerts.AsNoTracking().Where(a => a.Status == AlertStatus.New)
            .GroupBy(a => a.AnalysisId).Select(g => new { AnalysisId = g.Key, Count = g.Count() }).ToListAsync(ct);
        items.AddRange(fresh.Select(a => new DueItem(NoticeRule.AccessAlertNew, security, $"analysis:{a.AnalysisId}:new",
            $"アクセスログの分析で新しいアラートが{a.Count}件あります", "/access", null, "new")));
        var openSince = nowUtc.AddDays(-NoticeRules.AlertOpenDays);
        var lingering = await db.AccessAlerts.AsNoTracking().Where(a => a.Status != AlertStatus.Closed && a.DetectedAt <= openSince)
            .Select(a => new { a.Id, a.Rule, a.Day }).ToListAsync(ct);
        items.AddRange(lingering.Select(a => new DueItem(NoticeRule.AccessAlertOpen, security, $"alert:{a.Id}:open{NoticeRules.AlertOpenDays}",
            $"検知から{NoticeRules.AlertOpenDays}日を過ぎて対応中のアラート（{AccessAlerts.RuleLabel(a.Rule)}、{WarekiDate.Format(a.Day)}分）", $"/access/alerts/{a.Id}", null, "open")));
        var waiting = await db.AccessAlerts.AsNoTracking().Where(a => a.Status == AlertStatus.SupervisorReview)
            .Select(a => new { a.Id, a.Rule, a.Day, a.UserDept, a.Version }).ToListAsync(ct);
        if (waiting.Count > 0)
        {
            var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
            items.AddRange(waiting.Select(a => new DueItem(NoticeRule.SupervisorReview, people.SupervisorsOf(SupervisorReview.DepartmentOf(departments, a.UserDept)),
                $"alert:{a.Id}:supervisor:{a.Version:N}", $"所属長確認をお願いします：アクセスログのアラート（{AccessAlerts.RuleLabel(a.Rule)}、{WarekiDate.Format(a.Day)}分）",
                $"/access/alerts/{a.Id}/confirm", null, "review")));
        }
        var lastRun = await db.AccessAnalyses.AsNoTracking().OrderByDescending(a => a.RanAt).Select(a => (DateTime?)a.RanAt).FirstOrDefaultAsync(ct);
        if (lastRun is { } last && last <= nowUtc.AddDays(-NoticeRules.AnalysisStaleDays))
        {
            items.Add(new DueItem(NoticeRule.AccessAnalysisStale, security, $"analysis-stale:{last:yyyyMMddHHmmss}",
                $"アクセスログの分析が{NoticeRules.AnalysisStaleDays}日以上実行されていません（前回 {WarekiDate.Format(DateOnly.FromDateTime(JapanTime.FromUtc(last)))}）", "/access/data", null, "stale"));
        }
        return items;
    }

    /// <summary>Open account listings, one notice per system and day listed: the accounts are named on the system's page only.</summary>
    private static async Task<IEnumerable<DueItem>> SystemsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var open = await db.AccountListings.AsNoTracking().Where(l => l.Action == null)
            .GroupBy(l => new { l.SystemId, l.ListedOn }).Select(g => new { g.Key.SystemId, g.Key.ListedOn, Count = g.Count() }).ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }
        var ids = open.Select(o => o.SystemId).Distinct().ToList();
        var systems = await db.BusinessSystems.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return open.Where(o => systems.ContainsKey(o.SystemId)).Select(o =>
        {
            var system = systems[o.SystemId];
            var due = o.ListedOn.AddDays(AccountCheck.CloseWithinDays);
            var recipients = system.AdministratorIds.Count > 0 ? people.Active(system.AdministratorIds) : people.OfDepartment(system.DepartmentId);
            return new DueItem(NoticeRule.AccountCheck, recipients, $"accounts:{system.Id}:{o.ListedOn:yyyyMMdd}",
                $"「{system.Name}」のアカウント点検：{WarekiDate.Format(o.ListedOn)}掲載の{o.Count}件の対応（停止・削除・継続）", $"/systems/{system.Id}", due,
                NoticeRules.Stage(due, today, NoticeRules.AccountCheckDays, overdue: true));
        });
    }

    /// <summary>Contracts ending or ended without 返還・廃棄, and re-consignments working without approval: the office and the 所管課.</summary>
    private static async Task<IEnumerable<DueItem>> ContractsAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var office = people.InRole(UserRole.Office);
        var soon = today.AddDays(NoticeRules.ContractEndDays.Max());
        var ending = await db.Contracts.AsNoTracking().Where(c => c.ReturnedOn == null && c.EndOn <= soon)
            .Select(c => new { c.Id, c.Title, c.DepartmentId, c.EndOn }).ToListAsync(ct);
        var items = ending.Select(c => new DueItem(NoticeRule.ContractReturn, office.Concat(people.OfDepartment(c.DepartmentId)).ToList(), $"contract:{c.Id}:return",
            $"委託契約「{c.Title}」の返還・廃棄（廃棄証明書）の記録", $"/contracts/{c.Id}", c.EndOn,
            NoticeRules.Stage(c.EndOn, today, NoticeRules.ContractEndDays, overdue: true))).ToList();
        var unapproved = await db.Reconsignments.AsNoTracking().Where(r => r.Status != ReconsignmentStatus.Approved && r.StartOn != null && r.StartOn <= today)
            .Select(r => new { r.Id, r.Subcontractor, r.DepartmentId, r.ContractId }).ToListAsync(ct);
        items.AddRange(unapproved.Select(r => new DueItem(NoticeRule.ReconsignmentUnapproved, office.Concat(people.OfDepartment(r.DepartmentId)).ToList(),
            $"reconsignment:{r.Id}:unapproved", $"承認のないまま再委託が始まっています（再委託先：{r.Subcontractor}）", $"/contracts/reconsignments/{r.Id}", null, "unapproved")));
        return items;
    }

    /// <summary>
    /// Checks of an open notice without a result: the 所管課 is told when given the check, then as the notice's deadline
    /// comes and once past it. A notice without a deadline is told once.
    /// </summary>
    private static async Task<IEnumerable<DueItem>> AdvisoriesAsync(AppDbContext db, People people, DateOnly today, CancellationToken ct)
    {
        var open = await (from t in db.AdvisoryTasks.AsNoTracking()
                          join a in db.Advisories.AsNoTracking() on t.AdvisoryId equals a.Id
                          where t.Outcome == null && a.ClosedOn == null
                          select new { t.Id, t.DepartmentId, a.Title, a.DueOn, AdvisoryId = a.Id }).ToListAsync(ct);
        return open.Select(t => new DueItem(NoticeRule.AdvisoryCheck, people.OfDepartment(t.DepartmentId), $"advisory:{t.Id}",
            $"国の通知・注意喚起「{t.Title}」の点検をお願いします", $"/advisories/{t.AdvisoryId}", t.DueOn,
            (t.DueOn is { } due ? NoticeRules.Stage(due, today, NoticeRules.AdvisoryDays, overdue: true) : null) ?? "assigned"));
    }
}
