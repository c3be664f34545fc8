using Mamori.Core.Features.Reviews;
using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Features.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly InspectionQuestion[] Questions =
    [
        new("O1", "委託する業務の内容", AnswerKind.Text, true),
        new("O2", "安全管理措置を確認したか", AnswerKind.YesNo, true),
        new("O9", "任意の補足", AnswerKind.Text, false),
    ];

    [Fact]
    public void Missing_Reconsignment_NeedsSubcontractorAndBothPpcChecks()
    {
        var details = new InspectionDetails { Contractor = "株式会社まもり", PeriodFrom = new DateOnly(2024, 4, 1), SubcontractAllowed = true };
        var missing = ReviewRules.Missing(HandlingType.Outsourcing, Questions, new Dictionary<string, string> { ["O1"] = "窓口業務" }, details);
        Assert.Equal(
        [
            "自己点検表②（外部委託） 問2「安全管理措置を確認したか」",
            "自己点検表②（外部委託） 再委託先",
            "自己点検表②（外部委託） 再委託先の責任体制（人員体制）の確認",
            "自己点検表②（外部委託） 再委託先の安全管理措置の具体的な取組（研修等）の確認",
        ], missing);

        var complete = details with { Subcontractor = "再委託先", SubcontractResponsibilityChecked = true, SubcontractSafetyChecked = true };
        Assert.Empty(ReviewRules.Missing(HandlingType.Outsourcing, Questions, new Dictionary<string, string> { ["O1"] = "a", ["O2"] = "はい" }, complete));
    }

    [Fact]
    public void Missing_NoReconsignment_DoesNotAskForTheChecks_ButDesignatedManagerIsNamedAsSuch()
    {
        var details = new InspectionDetails { PeriodFrom = new DateOnly(2024, 4, 1), SubcontractAllowed = false };
        var missing = ReviewRules.Missing(HandlingType.DesignatedManagement, [], new Dictionary<string, string>(), details);
        Assert.Equal(["自己点検表③（指定管理） 指定管理者"], missing);
    }

    [Theory]
    [InlineData(HandlingType.ExternalProvision, "提供先", "根拠法令", "提供する項目")]
    [InlineData(HandlingType.OutOfPurposeUse, "利用する課・機関", "根拠法令", "利用する項目")]
    [InlineData(HandlingType.ExternalConnection, "結合先", "回線", "結合する項目")]
    [InlineData(HandlingType.ComputerInput, "システム名", "バックアップの方式", "バックアップの頻度")]
    public void Missing_TypeSpecificDetails_AreRequired(HandlingType type, string first, string second, string third)
    {
        var missing = ReviewRules.Missing(type, [], new Dictionary<string, string>(), new InspectionDetails());
        Assert.Equal([$"{type.FormName()} {first}", $"{type.FormName()} {second}", $"{type.FormName()} {third}"], missing);
    }

    [Fact]
    public void MissingClauses_ListsTheContractClausesNotChecked_OnlyForContracting()
    {
        var details = new InspectionDetails { Clauses = ReviewRules.ContractClauses.Skip(1).ToList() };
        Assert.Equal(["秘密保持"], ReviewRules.MissingClauses(HandlingType.WorkerDispatch, details));
        Assert.Empty(ReviewRules.MissingClauses(HandlingType.Holding, new InspectionDetails()));
    }

    [Fact]
    public void Masks_RoundTripAnySubset()
    {
        var all = Enum.GetValues<QuestionCategory>();
        for (var bits = 0; bits < 1 << all.Length; bits += 37)
        {
            var subset = all.Where((_, i) => (bits & (1 << i)) != 0).ToList();
            Assert.Equal(subset, ReviewNames.FromMask<QuestionCategory>(ReviewNames.ToMask(subset)));
        }
    }

    [Fact]
    public void Matrix_MarksExactlyTheClassifiedCases_AndLeavesOutDraftsAndWithdrawals()
    {
        ReviewCase Case(int? number, CaseStatus status, int responses, params CaseEntry[] entries)
        {
            var c = new ReviewCase { Number = number, Status = status, Title = "事務", ResponseMask = responses };
            c.Entries.AddRange(entries);
            return c;
        }
        CaseEntry Q(params QuestionCategory[] categories) => new() { Kind = EntryKind.Question, Text = "質問", AuthorName = "事務局", CategoryMask = ReviewNames.ToMask(categories) };
        var topic = new CaseEntry { Kind = EntryKind.Opinion, Text = "意見", AuthorName = "事務局", CategoryMask = ReviewNames.ToMask([QuestionCategory.Other]), OtherTopic = "システムの運用" };
        var answer = new CaseEntry { Kind = EntryKind.Answer, Text = "回答", AuthorName = "所管課", Response = ResponseCategory.BusinessImprovement, ImprovementBy = ImprovementBy.Others };
        var matrix = ReviewReports.Matrix(
        [
            Case(21, CaseStatus.Decided, 0, Q(QuestionCategory.ContentScrutiny, QuestionCategory.Unrelated), answer),
            Case(20, CaseStatus.Decided, ReviewNames.ToMask([ResponseCategory.NoneNeeded])),
            Case(22, CaseStatus.Submitted, 0, topic, Q(QuestionCategory.ContentScrutiny)),
            Case(23, CaseStatus.Withdrawn, 0, Q(QuestionCategory.RetentionPeriod)),
            Case(null, CaseStatus.Draft, 0, Q(QuestionCategory.RecordForm)),
        ]);
        Assert.Equal([20, 21, 22], matrix.CaseNumbers);
        var cells = matrix.Rows.SelectMany(r => r.Cases.Select(n => $"{r.Label}|{n}")).Order().ToList();
        Assert.Equal(new[]
        {
            "(参考)個人情報保護に関連しない質問・意見|21",
            "システムの運用|22",
            "その他|22",
            "区以外（委託先等）|21",
            "業務の改善|21",
            "自己点検において記載する内容の精査|21",
            "自己点検において記載する内容の精査|22",
            "対応不要（部会からの意見等なしを含む）|20",
        }.Order(), cells);
    }

    [Fact]
    public void FormatWithWeekday_PrintsTheJapaneseDayOfTheWeek()
    {
        Assert.Equal("令和5年9月7日（木）", WarekiDate.FormatWithWeekday(new DateOnly(2023, 9, 7)));
        Assert.Equal("令和5年9月22日（金）", WarekiDate.FormatWithWeekday(new DateOnly(2023, 9, 22)));
    }
}
