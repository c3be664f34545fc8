using Mamori.Core.Features.Accounts;

namespace Mamori.Core.Features.Notices;

/// <summary>What a notice is about. Each rule has a default recipient and may be switched off per municipality, unless mandatory.</summary>
public enum NoticeRule
{
    /// <summary>漏えい等事案の速報・確報の期限 (事務局; 3 days, 1 day, on the day, past it).</summary>
    IncidentReport,

    /// <summary>指摘事項の改善期限 (所管課; 7 days, 1 day, on the day, past it).</summary>
    FindingDue,

    /// <summary>指摘事項が対応課に割り当てられた (所管課; once, while not started).</summary>
    FindingAssigned,

    /// <summary>指摘事項の対応の差戻し by the 事務局's check (所管課).</summary>
    FindingReturned,

    /// <summary>個人情報ファイル簿の差戻し (所管課).</summary>
    RegisterReturned,

    /// <summary>部会審査の質問への回答待ち (所管課).</summary>
    ReviewQuestion,

    /// <summary>部会審査の案件提出締切 (事務局; 7 days, 1 day, on the day).</summary>
    ReviewRoundDeadline,

    /// <summary>特定個人情報保護評価の実施・見直しの期限 (事務局 and the 所管課; entering 期限間近, past it).</summary>
    AssessmentObligation,

    /// <summary>委員の任期満了 within 60 days (事務局).</summary>
    MemberTerm,

    /// <summary>会議の開催予定 (委員).</summary>
    MeetingPlanned,

    /// <summary>書面開催の質問・意見の提出期限 (委員; 7 days, 1 day).</summary>
    WrittenDeadline,

    /// <summary>委員の質問・意見への事務局の回答 (that 委員).</summary>
    OpinionAnswered,

    /// <summary>アクセスログ監視の新しいアラート (セキュリティ担当).</summary>
    AccessAlertNew,

    /// <summary>所属長確認を待つアラート (the 所属長 of the staff member's department, who confirms it themselves).</summary>
    SupervisorReview,

    /// <summary>対応が長引いているアラート (セキュリティ担当; open past <see cref="NoticeRules.AlertOpenDays"/> days).</summary>
    AccessAlertOpen,

    /// <summary>アクセスログの分析が1か月実行されていない (セキュリティ担当).</summary>
    AccessAnalysisStale,

    /// <summary>
    /// 情報システムのアカウント点検で掲載された、止めるべきアカウント (the system's administrators, or its 所管課 when none is
    /// named; on the day listed, the day before the 7-day limit, on it and past it).
    /// </summary>
    AccountCheck,

    /// <summary>委託契約の返還・廃棄 (事務局 and the 所管課; 7 days before the contract ends, on its last day, and once past it without a record).</summary>
    ContractReturn,

    /// <summary>承認のないまま始まった再委託 (事務局 and the 所管課; once per re-consignment).</summary>
    ReconsignmentUnapproved,

    /// <summary>メールを送れなかった通知 (管理者 and 事務局; in the inbox only).</summary>
    MailFailure,

    /// <summary>答申案の確認の依頼 (the 委員 asked who have not answered; on the request, 3 days before and on the due date).</summary>
    ToshinConfirmation,

    /// <summary>会議で約束した事項（後日送付・次回報告）の期限 (事務局; 7 days before, on it and past it).</summary>
    ActionItemDue,

    /// <summary>国の通知・注意喚起の点検 (the 所管課 given the check; when given, 7 days and 1 day before the notice's deadline, on it and past it).</summary>
    AdvisoryCheck,
}

/// <summary>The Japanese names, the default recipients and the fixed rules of each <see cref="NoticeRule"/>.</summary>
public static class NoticeRules
{
    /// <summary>Days before a due date at which the 事務局 is told of an incident's report (3日前・前日・当日).</summary>
    public static readonly int[] IncidentDays = [3, 1, 0];

    /// <summary>Days before a finding's due date at which its 所管課 is told.</summary>
    public static readonly int[] FindingDays = [7, 1, 0];

    /// <summary>Days before a review round's deadline at which the 事務局 is told.</summary>
    public static readonly int[] RoundDays = [7, 1, 0];

    /// <summary>Days before a written meeting's deadline at which its 委員 are told (7日前・前日).</summary>
    public static readonly int[] WrittenDays = [7, 1];

    /// <summary>Days before an account listing's limit at which its administrators are told (the day listed is 7 before).</summary>
    public static readonly int[] AccountCheckDays = [7, 1, 0];

    /// <summary>Days before a contract's last day at which the 返還・廃棄 is recalled.</summary>
    public static readonly int[] ContractEndDays = [7, 0];

    /// <summary>Days before a 答申案's confirmation due date at which the members who have not answered are told.</summary>
    public static readonly int[] ToshinDays = [3, 0];

    /// <summary>Days before a promise's due date (後日送付します) at which the 事務局 is told.</summary>
    public static readonly int[] ActionItemDays = [7, 0];

    /// <summary>Days before a notice's deadline at which the departments with an open check are told.</summary>
    public static readonly int[] AdvisoryDays = [7, 1, 0];

    /// <summary>How many days before a member's term ends the 事務局 is told.</summary>
    public const int MemberTermDays = 60;

    /// <summary>An alert still open this many days after it was detected is notified again.</summary>
    public const int AlertOpenDays = 14;

    /// <summary>No analysis for this many days is notified.</summary>
    public const int AnalysisStaleDays = 31;

    public static IReadOnlyList<NoticeRule> All { get; } = Enum.GetValues<NoticeRule>();

    public static string JapaneseName(this NoticeRule rule) => rule switch
    {
        NoticeRule.IncidentReport => "漏えい等事案の報告期限",
        NoticeRule.FindingDue => "指摘事項の改善期限",
        NoticeRule.FindingAssigned => "指摘事項の割当て",
        NoticeRule.FindingReturned => "指摘事項の対応の差戻し",
        NoticeRule.RegisterReturned => "個人情報ファイル簿の差戻し",
        NoticeRule.ReviewQuestion => "部会審査の質問への回答",
        NoticeRule.ReviewRoundDeadline => "部会審査の案件提出締切",
        NoticeRule.AssessmentObligation => "特定個人情報保護評価の期限",
        NoticeRule.MemberTerm => "委員の任期満了",
        NoticeRule.MeetingPlanned => "会議の開催予定",
        NoticeRule.WrittenDeadline => "書面開催の提出期限",
        NoticeRule.OpinionAnswered => "質問・意見への回答",
        NoticeRule.AccessAlertNew => "アクセスログの新しいアラート",
        NoticeRule.SupervisorReview => "所属長確認の依頼",
        NoticeRule.AccessAlertOpen => "対応が長引いているアラート",
        NoticeRule.AccessAnalysisStale => "アクセスログ分析の未実施",
        NoticeRule.AccountCheck => "アカウント点検の対応期限",
        NoticeRule.ContractReturn => "委託契約の返還・廃棄",
        NoticeRule.ReconsignmentUnapproved => "承認のない再委託",
        NoticeRule.MailFailure => "メール送信の失敗",
        NoticeRule.ToshinConfirmation => "答申案の確認",
        NoticeRule.ActionItemDue => "会議で約束した事項の期限",
        NoticeRule.AdvisoryCheck => "国の通知・注意喚起の点検",
        _ => rule.ToString(),
    };

    /// <summary>送信済み / 送信待ち / まとめて送信予定 / 送信中 / 送らない.</summary>
    public static string JapaneseName(this NoticeMailState state) => state switch
    {
        NoticeMailState.Sent => "送信済み",
        NoticeMailState.Pending => "送信待ち",
        NoticeMailState.Digest => "まとめて送信予定",
        NoticeMailState.Sending => "送信中",
        _ => "送らない",
    };

    /// <summary>The module a rule belongs to, for the inbox's filter.</summary>
    public static string Module(this NoticeRule rule) => rule switch
    {
        NoticeRule.IncidentReport or NoticeRule.FindingDue or NoticeRule.FindingAssigned or NoticeRule.FindingReturned => "指摘・事故",
        NoticeRule.RegisterReturned => "個人情報ファイル簿",
        NoticeRule.ReviewQuestion or NoticeRule.ReviewRoundDeadline => "自己点検・部会審査",
        NoticeRule.AssessmentObligation => "特定個人情報保護評価",
        NoticeRule.MemberTerm or NoticeRule.MeetingPlanned or NoticeRule.WrittenDeadline or NoticeRule.OpinionAnswered
            or NoticeRule.ToshinConfirmation or NoticeRule.ActionItemDue => "審議会",
        NoticeRule.AccessAlertNew or NoticeRule.AccessAlertOpen or NoticeRule.AccessAnalysisStale or NoticeRule.SupervisorReview => "アクセスログ監視",
        NoticeRule.AccountCheck or NoticeRule.ContractReturn or NoticeRule.ReconsignmentUnapproved => "情報システム",
        NoticeRule.AdvisoryCheck => "国の通知・注意喚起",
        _ => "システム",
    };

    /// <summary>The modules in menu order.</summary>
    public static IReadOnlyList<string> Modules { get; } = All.Select(Module).Distinct().ToList();

    /// <summary>Who is told, by role (the 所管課 and 委員 rules reach only the accounts of the record's department or council).</summary>
    public static IReadOnlyList<UserRole> Recipients(this NoticeRule rule) => rule switch
    {
        NoticeRule.IncidentReport or NoticeRule.ReviewRoundDeadline or NoticeRule.MemberTerm or NoticeRule.ActionItemDue => [UserRole.Office],
        NoticeRule.AssessmentObligation or NoticeRule.ContractReturn or NoticeRule.ReconsignmentUnapproved => [UserRole.Office, UserRole.Department],
        NoticeRule.FindingDue or NoticeRule.FindingAssigned or NoticeRule.FindingReturned or NoticeRule.RegisterReturned or NoticeRule.ReviewQuestion
            or NoticeRule.AdvisoryCheck => [UserRole.Department],
        NoticeRule.MeetingPlanned or NoticeRule.WrittenDeadline or NoticeRule.OpinionAnswered or NoticeRule.ToshinConfirmation => [UserRole.Member],
        NoticeRule.AccessAlertNew or NoticeRule.AccessAlertOpen or NoticeRule.AccessAnalysisStale => [UserRole.Security],
        NoticeRule.MailFailure => [UserRole.Admin, UserRole.Office],
        // 所属長 are accounts of any role flagged as such; most are 所管課.
        NoticeRule.SupervisorReview => [UserRole.Department],
        // The system's named administrators (any role), else the 所管課.
        NoticeRule.AccountCheck => [UserRole.Department],
        _ => [],
    };

    /// <summary>Who is told, as the settings page says it.</summary>
    public static string Who(this NoticeRule rule) => rule switch
    {
        NoticeRule.SupervisorReview => "所属長",
        NoticeRule.AccountCheck => "システム管理者（指定がなければ所管課）",
        _ => string.Join("・", rule.Recipients().Select(r => r.JapaneseName())),
    };

    /// <summary>
    /// Rules nobody may switch off, neither the municipality nor a user choosing no mail: the PPC report's clock
    /// (個人情報保護法第68条第1項, 施行規則第44条) runs whatever anyone prefers.
    /// </summary>
    public static bool IsMandatory(this NoticeRule rule) => rule == NoticeRule.IncidentReport;

    /// <summary>Mail failures are shown in the inbox and on the settings page; mailing them would fail the same way.</summary>
    public static bool IsMailed(this NoticeRule rule) => rule != NoticeRule.MailFailure;

    /// <summary>
    /// The stage a due date has reached: 「d3」 once 3 days or fewer are left (of <paramref name="days"/> 3, 1, 0),
    /// 「overdue」 after it when <paramref name="overdue"/>, null before the first. A stage is a notice of its own,
    /// so a day the scheduler did not run delays a notice and never loses it.
    /// </summary>
    public static string? Stage(DateOnly dueOn, DateOnly today, IReadOnlyList<int> days, bool overdue)
    {
        var left = dueOn.DayNumber - today.DayNumber;
        if (left < 0)
        {
            return overdue ? "overdue" : null;
        }
        var reached = days.Where(d => left <= d).ToList();
        return reached.Count == 0 ? null : $"d{reached.Min()}";
    }

    /// <summary>「あと3日」「本日が期限」「期限を2日過ぎています」.</summary>
    public static string Remaining(DateOnly dueOn, DateOnly today)
    {
        var left = dueOn.DayNumber - today.DayNumber;
        return left > 0 ? $"期限まであと{left}日" : left == 0 ? "本日が期限" : $"期限を{-left}日過ぎています";
    }
}
