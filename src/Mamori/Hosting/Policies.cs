using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Hosting;

/// <summary>
/// The authorization policies, one per kind of access. Every page and endpoint names one of these
/// (or is explicitly anonymous); the authorization matrix test holds the expected outcome per role.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>管理者 only: municipality settings, departments and accounts.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Reading the organization: departments, staff, accounts.</summary>
    public const string OrganizationRead = nameof(OrganizationRead);

    /// <summary>Keeping the staff roster: 管理者 for everyone, 所管課 for its own department.</summary>
    public const string StaffWrite = nameof(StaffWrite);

    /// <summary>Reading the long-absence check.</summary>
    public const string AccountReview = nameof(AccountReview);

    /// <summary>Suspending accounts found by the long-absence check.</summary>
    public const string AccountSuspend = nameof(AccountSuspend);

    /// <summary>Reading the register (委員 see the published content only).</summary>
    public const string RegisterRead = nameof(RegisterRead);

    /// <summary>Entering and submitting register entries (所管課 for its own department).</summary>
    public const string RegisterWrite = nameof(RegisterWrite);

    /// <summary>Confirming, returning, publishing and removing register entries.</summary>
    public const string RegisterReview = nameof(RegisterReview);

    /// <summary>Reading businesses, self-inspections and review rounds (所管課 its own until a round is reported).</summary>
    public const string ReviewsRead = nameof(ReviewsRead);

    /// <summary>Registering businesses, filling in and submitting self-inspections, answering questions.</summary>
    public const string ReviewsWrite = nameof(ReviewsWrite);

    /// <summary>事務局's part of the review: rounds, templates, questions, opinions, classifications, results, reports.</summary>
    public const string ReviewsManage = nameof(ReviewsManage);

    /// <summary>Reading councils, meetings, items, 答申 and materials (委員 only the councils they sit on).</summary>
    public const string CouncilRead = nameof(CouncilRead);

    /// <summary>事務局's council work: members, meetings, attendance, items, outcomes, 答申, answers, minutes, notices.</summary>
    public const string CouncilManage = nameof(CouncilManage);

    /// <summary>A 委員 sending, changing or withdrawing their own written questions and opinions.</summary>
    public const string CouncilRespond = nameof(CouncilRespond);

    /// <summary>Reading PIA businesses, evaluations and documents (所管課 its own).</summary>
    public const string AssessmentsRead = nameof(AssessmentsRead);

    /// <summary>Keeping PIA businesses, evaluation steps, 重要な変更 and document versions (所管課 its own).</summary>
    public const string AssessmentsWrite = nameof(AssessmentsWrite);

    /// <summary>Reading checklists, assessments, the server-room log, terminals, drills and the yearly security report.</summary>
    public const string SecurityRead = nameof(SecurityRead);

    /// <summary>セキュリティ担当's work: templates, assessments and plans, room entries, terminals and audits, drills, campaigns.</summary>
    public const string SecurityWrite = nameof(SecurityWrite);

    /// <summary>Answering a staff self-check campaign (an account linked to a member of staff).</summary>
    public const string SelfCheckAnswer = nameof(SelfCheckAnswer);

    /// <summary>Reading a campaign's completion and results (所管課 its own department).</summary>
    public const string SelfCheckResults = nameof(SelfCheckResults);

    /// <summary>Writing a department's 振り返り (所管課 its own department); 監査 and 事務局 only read.</summary>
    public const string SelfCheckReflect = nameof(SelfCheckReflect);

    /// <summary>Reading inspections, findings, recurring tasks and their evidence (所管課 its own department).</summary>
    public const string FindingsRead = nameof(FindingsRead);

    /// <summary>事務局's part: inspections, entering findings, due dates and the closing check.</summary>
    public const string FindingsManage = nameof(FindingsManage);

    /// <summary>Answering a finding: countermeasure, progress, evidence, recurring tasks (所管課 its own department).</summary>
    public const string FindingsRespond = nameof(FindingsRespond);

    /// <summary>An inspection's whole table (print, Word, Excel): those who see every department's findings.</summary>
    public const string FindingsReport = nameof(FindingsReport);

    /// <summary>Reading incidents and their reporting deadlines (所管課 its own department).</summary>
    public const string IncidentsRead = nameof(IncidentsRead);

    /// <summary>Recording incidents and their reports (所管課 its own department; 重大事故 is the office's judgment).</summary>
    public const string IncidentsWrite = nameof(IncidentsWrite);

    /// <summary>Reading the statistics tables and charts (every department: the figures are the municipality's, not a department's).</summary>
    public const string StatisticsRead = nameof(StatisticsRead);

    /// <summary>Importing and removing statistics tables and choosing which are public.</summary>
    public const string StatisticsWrite = nameof(StatisticsWrite);

    /// <summary>アクセスログ監視: alerts, reports and the investigation search (セキュリティ担当, 管理者, 監査).</summary>
    public const string AccessRead = nameof(AccessRead);

    /// <summary>アクセスログ監視: logs, masters, analyses, triage, allowlist and settings (セキュリティ担当, 管理者).</summary>
    public const string AccessWrite = nameof(AccessWrite);

    /// <summary>Reading the 情報システム台帳, the account lists and the account check (所管課 its own systems).</summary>
    public const string SystemsRead = nameof(SystemsRead);

    /// <summary>Keeping systems, importing their account lists and closing listings (所管課 its own; closing is the systems' administrators').</summary>
    public const string SystemsWrite = nameof(SystemsWrite);

    /// <summary>Reading 委託契約, 再委託 and their evidence (所管課 its own contracts).</summary>
    public const string ContractsRead = nameof(ContractsRead);

    /// <summary>Keeping contracts, re-consignments, their evidence, approvals and 返還・廃棄 (所管課 its own).</summary>
    public const string ContractsWrite = nameof(ContractsWrite);

    /// <summary>The municipality's required 特記事項 (事務局).</summary>
    public const string ContractsManage = nameof(ContractsManage);

    /// <summary>Reading the audit trail.</summary>
    public const string AuditRead = nameof(AuditRead);

    /// <summary>Reading the yearly reports made from templates (報告書).</summary>
    public const string ReportsRead = nameof(ReportsRead);

    /// <summary>Editing report templates and reports.</summary>
    public const string ReportsWrite = nameof(ReportsWrite);

    /// <summary>Reading who was told what (お知らせの送信記録).</summary>
    public const string NoticesLog = nameof(NoticesLog);

    /// <summary>Reading national notices and vendor advisories and their checks (a 所管課 sees its own checks).</summary>
    public const string AdvisoriesRead = nameof(AdvisoriesRead);

    /// <summary>Recording notices, giving them out to check, closing them, reporting them to the council.</summary>
    public const string AdvisoriesManage = nameof(AdvisoriesManage);

    /// <summary>Recording a check's result (the 所管課 for its own systems, and the office).</summary>
    public const string AdvisoriesCheck = nameof(AdvisoriesCheck);

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, UserRole[]> Roles { get; } = new Dictionary<string, UserRole[]>
    {
        [SignedIn] = UserRoles.All.ToArray(),
        [Administer] = [UserRole.Admin],
        [OrganizationRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [StaffWrite] = [UserRole.Admin, UserRole.Department],
        [AccountReview] = [UserRole.Admin, UserRole.Security, UserRole.Auditor],
        [AccountSuspend] = [UserRole.Admin, UserRole.Security],
        [RegisterRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Member, UserRole.Auditor],
        [RegisterWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [RegisterReview] = [UserRole.Admin, UserRole.Office],
        [ReviewsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Auditor],
        [ReviewsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [ReviewsManage] = [UserRole.Admin, UserRole.Office],
        [CouncilRead] = [UserRole.Admin, UserRole.Office, UserRole.Member, UserRole.Auditor],
        [CouncilManage] = [UserRole.Admin, UserRole.Office],
        [CouncilRespond] = [UserRole.Member],
        [AssessmentsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [AssessmentsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [SecurityRead] = [UserRole.Admin, UserRole.Office, UserRole.Security, UserRole.Auditor],
        [SecurityWrite] = [UserRole.Admin, UserRole.Security],
        [SelfCheckAnswer] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [SelfCheckResults] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [SelfCheckReflect] = [UserRole.Admin, UserRole.Department, UserRole.Security],
        [FindingsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [FindingsManage] = [UserRole.Admin, UserRole.Office],
        [FindingsReport] = [UserRole.Admin, UserRole.Office, UserRole.Security, UserRole.Auditor],
        [FindingsRespond] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [IncidentsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [IncidentsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [StatisticsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [StatisticsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Security],
        [AccessRead] = [UserRole.Admin, UserRole.Security, UserRole.Auditor],
        [AccessWrite] = [UserRole.Admin, UserRole.Security],
        [SystemsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [SystemsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security],
        [ContractsRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [ContractsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Department],
        [ContractsManage] = [UserRole.Admin, UserRole.Office],
        [AuditRead] = [UserRole.Admin, UserRole.Auditor],
        [ReportsRead] = [UserRole.Admin, UserRole.Office, UserRole.Security, UserRole.Auditor],
        [ReportsWrite] = [UserRole.Admin, UserRole.Office, UserRole.Security],
        [NoticesLog] = [UserRole.Admin, UserRole.Office, UserRole.Auditor],
        [AdvisoriesRead] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security, UserRole.Auditor],
        [AdvisoriesManage] = [UserRole.Admin, UserRole.Office, UserRole.Security],
        [AdvisoriesCheck] = [UserRole.Admin, UserRole.Office, UserRole.Department, UserRole.Security],
    };

    /// <summary>Registers the policies; anything without an explicit rule requires a signed-in account.</summary>
    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
