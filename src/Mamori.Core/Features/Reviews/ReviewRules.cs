namespace Mamori.Core.Features.Reviews;

/// <summary>What a complete self-inspection must contain, per 取扱類型.</summary>
public static class ReviewRules
{
    /// <summary>契約書の特記事項 a contract for handling personal information should contain (事務対応ガイド 4-8).</summary>
    public static IReadOnlyList<string> ContractClauses { get; } =
    [
        "秘密保持", "目的外利用及び第三者提供の禁止", "複写・複製の禁止", "再委託の制限（事前承認）", "安全管理措置",
        "事故発生時の報告", "返還・廃棄", "従事者への教育・監督", "実地調査・報告の求め", "契約解除及び損害賠償",
    ];

    public static IReadOnlyList<string> Certifications { get; } = ["プライバシーマーク", "ISMS（ISO/IEC 27001）", "ISMAP"];

    public static IReadOnlyList<string> Lines { get; } = ["LGWAN", "専用線", "インターネット", "その他"];

    public static IReadOnlyList<string> BackupKinds { get; } = ["差分バックアップ", "フルバックアップ"];

    public static bool IsContracting(this HandlingType type) =>
        type is HandlingType.Outsourcing or HandlingType.DesignatedManagement or HandlingType.WorkerDispatch;

    public static bool IsProvision(this HandlingType type) => type is HandlingType.OutOfPurposeUse or HandlingType.ExternalProvision;

    /// <summary>The contractor's title on the form: 委託先 / 指定管理者 / 派遣元.</summary>
    public static string ContractorLabel(this HandlingType type) => type switch
    {
        HandlingType.DesignatedManagement => "指定管理者",
        HandlingType.WorkerDispatch => "派遣元事業者",
        _ => "委託先",
    };

    /// <summary>
    /// Everything that keeps a self-inspection from being submitted: unanswered required questions (with
    /// their wording) and the type-specific details the form must carry.
    /// </summary>
    public static List<string> Missing(HandlingType type, IReadOnlyList<InspectionQuestion> questions, IReadOnlyDictionary<string, string> answers,
        InspectionDetails d)
    {
        var missing = new List<string>();
        var form = type.FormName();
        foreach (var (q, i) in questions.Select((q, i) => (q, i)))
        {
            if (q.Required && string.IsNullOrWhiteSpace(answers.GetValueOrDefault(q.Key)))
            {
                missing.Add($"{form} 問{i + 1}「{q.Text}」");
            }
        }
        void Need(bool ok, string what)
        {
            if (!ok)
            {
                missing.Add($"{form} {what}");
            }
        }
        if (type.IsContracting())
        {
            Need(!string.IsNullOrWhiteSpace(d.Contractor), type.ContractorLabel());
            Need(d.PeriodFrom is not null, "契約期間（開始日）");
            Need(d.SubcontractAllowed is not null, "再委託の可否");
            if (d.SubcontractAllowed == true)
            {
                Need(!string.IsNullOrWhiteSpace(d.Subcontractor), "再委託先");
                Need(d.SubcontractResponsibilityChecked, "再委託先の責任体制（人員体制）の確認");
                Need(d.SubcontractSafetyChecked, "再委託先の安全管理措置の具体的な取組（研修等）の確認");
            }
        }
        if (type.IsProvision())
        {
            Need(!string.IsNullOrWhiteSpace(d.Recipient), type == HandlingType.OutOfPurposeUse ? "利用する課・機関" : "提供先");
            Need(!string.IsNullOrWhiteSpace(d.LegalBasis), "根拠法令");
            Need(!string.IsNullOrWhiteSpace(d.Items), type == HandlingType.OutOfPurposeUse ? "利用する項目" : "提供する項目");
        }
        if (type == HandlingType.ExternalConnection)
        {
            Need(!string.IsNullOrWhiteSpace(d.ConnectedParty), "結合先");
            Need(!string.IsNullOrWhiteSpace(d.Line), "回線");
            Need(!string.IsNullOrWhiteSpace(d.Items), "結合する項目");
        }
        if (type == HandlingType.ComputerInput)
        {
            Need(!string.IsNullOrWhiteSpace(d.SystemName), "システム名");
            Need(d.BackupKinds.Count > 0, "バックアップの方式");
            Need(!string.IsNullOrWhiteSpace(d.BackupFrequency), "バックアップの頻度");
        }
        return missing;
    }

    /// <summary>特記事項 the contract lacks (shown as a warning to 事務局 and the department).</summary>
    public static IReadOnlyList<string> MissingClauses(HandlingType type, InspectionDetails d) =>
        type.IsContracting() ? ContractClauses.Where(c => !d.Clauses.Contains(c)).ToList() : [];
}
