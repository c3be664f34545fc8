using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

/// <summary>Filters over the current municipality's audit trail, shared by the page, its CSV and the API.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? EntityType, AuditAction? Action, string? Actor)
{
    public IQueryable<AuditEntry> Apply(AppDbContext db)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var start = JapanTime.StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }
        if (To is { } to)
        {
            var end = JapanTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }
        if (Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor));
        }
        return query.OrderByDescending(e => e.Sequence);
    }
}

/// <summary>Japanese labels for audit entries.</summary>
public static class AuditLabels
{
    public static string JapaneseName(this AuditAction action) => action switch
    {
        AuditAction.Insert => "作成",
        AuditAction.Update => "更新",
        AuditAction.Delete => "削除",
        _ => action.ToString(),
    };

    /// <summary>What the stored entity type is called on screen.</summary>
    public static string EntityName(string entityType) => entityType switch
    {
        "Municipality" => "団体",
        "Department" => "部署",
        "Staff" => "職員",
        "AbsencePeriod" => "休職・休業期間",
        "AppUser" => "アカウント",
        "PersonalAccessToken" => "API トークン",
        "PersonalInfoFile" => "個人情報ファイル",
        "PersonalInfoFileVersion" => "個人情報ファイルの版",
        "Business" => "取扱事務",
        "InspectionTemplate" => "自己点検表のひな形",
        "ReviewRound" => "審査の回",
        "ReviewCase" => "自己点検案件",
        "SelfInspection" => "自己点検表",
        "CaseEntry" => "質問・回答・意見",
        "ChecklistTemplate" => "点検表のひな形",
        "ChecklistAssessment" => "セキュリティ点検",
        "ChecklistAnswer" => "点検の回答・改善計画",
        "SelfCheckCampaign" => "職員セルフチェック",
        "SelfCheckQuestionSet" => "セルフチェックの質問セット",
        "SelfCheckResponse" => "セルフチェックの回答",
        "SelfCheckReflection" => "セルフチェックの振り返り",
        "Drill" => "訓練",
        "RoomEntry" => "CSルーム入退室",
        "RoomReason" => "入室理由",
        "Terminal" => "統合端末",
        "TerminalAudit" => "統合端末の監査",
        "Inspection" => "検査・監査",
        "InspectionDepartment" => "検査・監査の対象部署",
        "Finding" => "指摘事項",
        "FindingEvidence" => "指摘事項の証跡",
        "RecurringTask" => "定期的な取組",
        "TaskCompletion" => "定期的な取組の実施記録",
        "Incident" => "漏えい等事案",
        "StatRow" => "統計の行",
        "StatDatasetSetting" => "統計の公開設定",
        "IdentityUserToken`1" or "IdentityUserToken" => "認証情報",
        "IdentityUserClaim`1" => "アカウントの属性",
        "IdentityUserLogin`1" => "外部ログイン",
        _ => entityType,
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Id"] = "ID",
        ["MunicipalityId"] = "団体",
        ["DepartmentId"] = "部署",
        ["ParentId"] = "上位の部",
        ["Code"] = "コード",
        ["SortOrder"] = "表示順",
        ["IsActive"] = "使用中",
        ["EmployeeNumber"] = "職員番号",
        ["NameKana"] = "ふりがな",
        ["Status"] = "状態",
        ["StartDate"] = "着任日",
        ["EndDate"] = "退職日",
        ["Start"] = "開始日",
        ["End"] = "終了日",
        ["Reason"] = "事由",
        ["StaffId"] = "職員",
        ["UserName"] = "ユーザー名",
        ["NormalizedUserName"] = "ユーザー名（照合用）",
        ["DisplayName"] = "表示名",
        ["Role"] = "役割",
        ["PasswordHash"] = "パスワード",
        ["SecurityStamp"] = "セキュリティスタンプ",
        ["AccessFailedCount"] = "ログイン失敗回数",
        ["LockoutEnd"] = "ロック期限",
        ["LockoutEnabled"] = "ロックの適用",
        ["TwoFactorEnabled"] = "二要素認証",
        ["LastLoginAt"] = "最終ログイン",
        ["SuspendedAt"] = "利用停止日時",
        ["SuspensionReason"] = "停止理由",
        ["CreatedAt"] = "作成日時",
        ["ExpiresAt"] = "有効期限",
        ["RevokedAt"] = "失効日時",
        ["TokenHash"] = "トークン",
        ["Email"] = "メールアドレス",
        ["NormalizedEmail"] = "メールアドレス（照合用）",
        ["EmailConfirmed"] = "メール確認済み",
        ["PhoneNumber"] = "電話番号",
        ["PhoneNumberConfirmed"] = "電話番号確認済み",
        ["UserId"] = "アカウント",
        ["LoginProvider"] = "認証方式",
        ["Value"] = "値",
        ["JointDepartments"] = "共管課",
        ["Summary"] = "概要",
        ["TypeMask"] = "取扱類型",
        ["IsDiscontinued"] = "廃止",
        ["Type"] = "取扱類型",
        ["Number"] = "番号",
        ["QuestionsJson"] = "質問",
        ["CreatedBy"] = "作成者",
        ["Title"] = "名称",
        ["Body"] = "部会",
        ["NoticeOn"] = "案件募集通知",
        ["DeadlineOn"] = "提出締切",
        ["PreConsultationDates"] = "事前協議",
        ["MeetingOn"] = "部会開催日",
        ["ReportOn"] = "報告日",
        ["ReportTo"] = "報告先",
        ["FirstCaseNumber"] = "最初の案件番号",
        ["ReportedAt"] = "報告済みにした日時",
        ["RoundId"] = "審査の回",
        ["BusinessId"] = "事務",
        ["DepartmentsLabel"] = "所管課（表示）",
        ["Points"] = "部会点検の要点",
        ["Result"] = "結果",
        ["ResultText"] = "結果の内容",
        ["ResponseMask"] = "対応の類型",
        ["ImprovementBy"] = "改善の主体",
        ["SubmittedAt"] = "提出日時",
        ["SubmittedBy"] = "提出者",
        ["DecidedAt"] = "結果の記録日時",
        ["DecidedBy"] = "結果の記録者",
        ["CaseId"] = "案件",
        ["TemplateId"] = "ひな形の版",
        ["AnswersJson"] = "回答",
        ["DetailsJson"] = "類型別の記載事項",
        ["IsFilled"] = "入力済み",
        ["Kind"] = "種類",
        ["ReplyToId"] = "回答先の質問",
        ["Text"] = "内容",
        ["CategoryMask"] = "質問・意見の類型",
        ["OtherTopic"] = "その他の内容",
        ["Response"] = "対応の類型",
        ["ByOffice"] = "事務局による回答",
        ["AuthorName"] = "記入者",
        ["At"] = "日時",
        ["ItemsJson"] = "項目",
        ["Note"] = "備考",
        ["Comment"] = "自由記述",
        ["ScaleJson"] = "回答の選択肢",
        ["FiscalYear"] = "年度",
        ["AnsweredOn"] = "回答日",
        ["ClosedAt"] = "完了日時",
        ["ClosedBy"] = "完了した人",
        ["ItemNumber"] = "項目番号",
        ["Evidence"] = "回答の根拠",
        ["PlanMeasure"] = "改善策",
        ["PlanOwner"] = "改善の担当",
        ["PlanDueOn"] = "改善の期限",
        ["EnteredAt"] = "入室日時",
        ["ExitedAt"] = "退室日時",
        ["Organization"] = "所属・会社名",
        ["TargetGroup"] = "対象",
        ["HeldOn"] = "実施日",
        ["HeldUntil"] = "最終日",
        ["Content"] = "内容",
        ["Participants"] = "参加者",
        ["ParticipantCount"] = "参加人数",
        ["Findings"] = "指摘事項・所見",
        ["Place"] = "設置場所",
        ["Manager"] = "端末機管理責任者",
        ["Assistant"] = "補助者",
        ["InstalledOn"] = "設置日",
        ["WireLockCheckedOn"] = "ワイヤーロック確認日",
        ["RemovedOn"] = "撤去日",
        ["AuditedOn"] = "監査日",
        ["Auditor"] = "監査者",
        ["WireLockOk"] = "ワイヤーロック固定",
        ["StartOn"] = "回答期間（初日）",
        ["EndOn"] = "回答期間（最終日）",
        ["QuestionSetId"] = "質問セット",
        ["Source"] = "指摘元",
        ["Inspector"] = "実施機関・監査人",
        ["InspectionId"] = "検査・監査",
        ["Law"] = "法令",
        ["Heading"] = "項目",
        ["Provision"] = "根拠",
        ["Countermeasure"] = "対応（改善策）",
        ["Owner"] = "担当者",
        ["DueOn"] = "期限",
        ["DoneOn"] = "実施・対応完了日",
        ["CheckedOn"] = "確認日",
        ["CheckedBy"] = "確認者",
        ["CheckNote"] = "確認の内容",
        ["IncidentId"] = "漏えい等事案",
        ["FindingId"] = "指摘事項",
        ["FileName"] = "ファイル名",
        ["ContentType"] = "ファイルの種類",
        ["Size"] = "サイズ",
        ["FileId"] = "ファイル",
        ["UploadedAt"] = "登録日時",
        ["UploadedBy"] = "登録者",
        ["Frequency"] = "頻度",
        ["FirstDueOn"] = "初回の期限",
        ["TaskId"] = "定期的な取組",
        ["RecordedBy"] = "記録者",
        ["IsSuspected"] = "おそれの段階",
        ["OccurredOn"] = "発生日",
        ["LearnedOn"] = "認知日",
        ["DataItems"] = "情報の項目",
        ["AffectedCount"] = "本人の数",
        ["HasSensitive"] = "要配慮個人情報",
        ["HasOrdinanceSensitive"] = "条例要配慮個人情報",
        ["PropertyDamageRisk"] = "財産的被害のおそれ",
        ["Unauthorized"] = "不正の目的のおそれ",
        ["HasSpecific"] = "特定個人情報",
        ["InNumberSystem"] = "情報提供ネットワークシステム等",
        ["PublicExposure"] = "不特定多数による閲覧のおそれ",
        ["ReportVoluntarily"] = "任意の報告",
        ["IsSerious"] = "重大事故",
        ["PreliminaryDueOn"] = "速報の期限",
        ["PreliminaryReportedOn"] = "速報の報告日",
        ["FinalDueOn"] = "確報の期限",
        ["FinalReportedOn"] = "確報の報告日",
        ["NotifiedOn"] = "本人への通知日",
        ["NotificationNote"] = "通知の方法・代替措置",
        ["RootCause"] = "発生原因",
        ["Measures"] = "再発防止策",
        ["ClosedOn"] = "対応完了日",
        ["IncidentPreliminaryDays"] = "速報の期限（開庁日数）",
        ["IncidentPeopleThreshold"] = "報告対象となる本人の数",
        ["Dataset"] = "データセット",
        ["Period"] = "基準日・年度",
        ["ValuesJson"] = "数値",
        ["IsPublic"] = "公開",
    };

    /// <summary>The Japanese name of a recorded field; 名称 depends on what it names.</summary>
    public static string FieldName(string entityType, string field) => field switch
    {
        "Status" when entityType == "Staff" => "在職状況",
        "Reason" when entityType == "RoomEntry" => "入室理由",
        "Note" when entityType == "SelfCheckReflection" => "振り返り",
        "Title" when entityType == "Incident" => "件名",
        "Title" when entityType == "RecurringTask" => "取組の内容",
        "Kind" when entityType == "Incident" => "区分",
        "Label" when entityType == "StatRow" => "団体・年度",
        "Text" when entityType == "Finding" => "改善指導の内容",
        "DoneOn" when entityType == "Finding" => "対応完了日",
        "DoneOn" when entityType == "TaskCompletion" => "実施日",
        "Note" when entityType == "TaskCompletion" => "実施内容・結果",
        "StartDate" when entityType != "Staff" => "開始日",
        "Name" => entityType switch
        {
            "Staff" => "氏名",
            "Department" => "部署名",
            "Municipality" => "団体名",
            "PersonalAccessToken" => "用途",
            "PersonalInfoFile" => "名称",
            "RoomEntry" => "氏名",
            "RoomReason" => "入室理由",
            _ => "名称",
        },
        _ => Fields.GetValueOrDefault(field, field),
    };

    /// <summary>Keys and normalized copies that say nothing new to a reader of the list.</summary>
    public static bool IsInternal(string field) => field is "Id" or "MunicipalityId" or "NormalizedUserName" or "NormalizedEmail";

    public static IReadOnlyList<string> KnownEntityTypes { get; } =
        ["Municipality", "Department", "Staff", "AbsencePeriod", "AppUser", "PersonalAccessToken", "PersonalInfoFile", "PersonalInfoFileVersion",
         "Business", "InspectionTemplate", "ReviewRound", "ReviewCase", "SelfInspection", "CaseEntry",
         "ChecklistTemplate", "ChecklistAssessment", "ChecklistAnswer", "SelfCheckCampaign", "SelfCheckResponse", "Drill", "RoomEntry", "Terminal", "TerminalAudit",
         "Inspection", "Finding", "FindingEvidence", "RecurringTask", "TaskCompletion", "Incident",
         "StatRow", "StatDatasetSetting"];
}
