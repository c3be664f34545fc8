namespace Mamori.Core.Features.Reviews;

/// <summary>取扱類型: the eight ways a business handles personal information, each with its own 自己点検表.</summary>
public enum HandlingType
{
    /// <summary>個人情報の保有.</summary>
    Holding,

    /// <summary>外部委託.</summary>
    Outsourcing,

    /// <summary>指定管理.</summary>
    DesignatedManagement,

    /// <summary>労働者派遣.</summary>
    WorkerDispatch,

    /// <summary>目的外利用.</summary>
    OutOfPurposeUse,

    /// <summary>外部提供.</summary>
    ExternalProvision,

    /// <summary>電算入力.</summary>
    ComputerInput,

    /// <summary>外部結合（オンライン結合）.</summary>
    ExternalConnection,
}

/// <summary>質問・意見の類型: what a question or opinion of the 部会 was about (the rows of the 別表).</summary>
public enum QuestionCategory
{
    /// <summary>個人情報の取扱類型の該当性.</summary>
    TypeApplicability,

    /// <summary>個人情報として記録する必要性.</summary>
    NeedToRecord,

    /// <summary>個人情報を保有する期間.</summary>
    RetentionPeriod,

    /// <summary>個人情報の記録形態の妥当性.</summary>
    RecordForm,

    /// <summary>特に配慮を要する個人情報の取扱い.</summary>
    SensitiveHandling,

    /// <summary>委託業務で取り扱う妥当性.</summary>
    OutsourcingAppropriateness,

    /// <summary>自己点検において記載する内容の精査.</summary>
    ContentScrutiny,

    /// <summary>自己点検において記載する項目の追加.</summary>
    ItemAddition,

    /// <summary>(参考)個人情報保護に関連しない質問・意見.</summary>
    Unrelated,

    /// <summary>その他 (with the topic named on the entry).</summary>
    Other,
}

/// <summary>意見等に対する対応の類型.</summary>
public enum ResponseCategory
{
    /// <summary>対応不要（部会からの意見等なしを含む）.</summary>
    NoneNeeded,

    /// <summary>個人情報登録票等帳票（自己点検表含む）の修正.</summary>
    FormCorrection,

    /// <summary>業務の改善.</summary>
    BusinessImprovement,
}

/// <summary>改善の主体 when the response is 業務の改善.</summary>
public enum ImprovementBy
{
    /// <summary>区 (the municipality itself).</summary>
    Municipality,

    /// <summary>区以外（委託先等）.</summary>
    Others,
}

/// <summary>部会の結果.</summary>
public enum ReviewResult
{
    /// <summary>承認.</summary>
    Approved,

    /// <summary>意見を付して承認.</summary>
    ApprovedWithOpinion,

    /// <summary>再審査.</summary>
    Rereview,
}

/// <summary>What an entry of a case's record is.</summary>
public enum EntryKind
{
    /// <summary>質問 (from the 部会 or 事務局).</summary>
    Question,

    /// <summary>回答 (from the department, or 事務局).</summary>
    Answer,

    /// <summary>意見.</summary>
    Opinion,

    /// <summary>部会後の処理: what was done after the meeting.</summary>
    FollowUp,
}

/// <summary>Japanese names of the review classifications, as printed on the forms and the 別表.</summary>
public static class ReviewNames
{
    public static string JapaneseName(this HandlingType type) => type switch
    {
        HandlingType.Holding => "保有",
        HandlingType.Outsourcing => "外部委託",
        HandlingType.DesignatedManagement => "指定管理",
        HandlingType.WorkerDispatch => "労働者派遣",
        HandlingType.OutOfPurposeUse => "目的外利用",
        HandlingType.ExternalProvision => "外部提供",
        HandlingType.ComputerInput => "電算入力",
        HandlingType.ExternalConnection => "外部結合",
        _ => type.ToString(),
    };

    private static readonly string[] CircledNumbers = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"];

    /// <summary>"自己点検表②（外部委託）".</summary>
    public static string FormName(this HandlingType type) => $"自己点検表{CircledNumbers[(int)type]}（{type.JapaneseName()}）";

    public static string JapaneseName(this QuestionCategory category) => category switch
    {
        QuestionCategory.TypeApplicability => "個人情報の取扱類型の該当性",
        QuestionCategory.NeedToRecord => "個人情報として記録する必要性",
        QuestionCategory.RetentionPeriod => "個人情報を保有する期間",
        QuestionCategory.RecordForm => "個人情報の記録形態の妥当性",
        QuestionCategory.SensitiveHandling => "特に配慮を要する個人情報の取扱い",
        QuestionCategory.OutsourcingAppropriateness => "委託業務で取り扱う妥当性",
        QuestionCategory.ContentScrutiny => "自己点検において記載する内容の精査",
        QuestionCategory.ItemAddition => "自己点検において記載する項目の追加",
        QuestionCategory.Unrelated => "(参考)個人情報保護に関連しない質問・意見",
        QuestionCategory.Other => "その他",
        _ => category.ToString(),
    };

    public static string JapaneseName(this ResponseCategory category) => category switch
    {
        ResponseCategory.NoneNeeded => "対応不要（部会からの意見等なしを含む）",
        ResponseCategory.FormCorrection => "個人情報登録票等帳票（自己点検表含む）の修正",
        ResponseCategory.BusinessImprovement => "業務の改善",
        _ => category.ToString(),
    };

    public static string JapaneseName(this ImprovementBy by) => by switch
    {
        ImprovementBy.Municipality => "区",
        ImprovementBy.Others => "区以外（委託先等）",
        _ => by.ToString(),
    };

    public static string JapaneseName(this ReviewResult result) => result switch
    {
        ReviewResult.Approved => "承認",
        ReviewResult.ApprovedWithOpinion => "意見を付して承認",
        ReviewResult.Rereview => "再審査",
        _ => result.ToString(),
    };

    public static string JapaneseName(this EntryKind kind) => kind switch
    {
        EntryKind.Question => "質問",
        EntryKind.Answer => "回答",
        EntryKind.Opinion => "意見",
        EntryKind.FollowUp => "部会後の処理",
        _ => kind.ToString(),
    };

    /// <summary>A set of enum values as a bit mask (the sets are small: at most 10 values).</summary>
    public static int ToMask<T>(IEnumerable<T> values) where T : struct, Enum =>
        values.Aggregate(0, (mask, v) => mask | (1 << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The values of a bit mask, in declaration order.</summary>
    public static IReadOnlyList<T> FromMask<T>(int mask) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => (mask & (1 << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))) != 0).ToList();
}
