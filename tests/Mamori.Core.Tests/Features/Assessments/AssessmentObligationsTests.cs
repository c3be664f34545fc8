using Mamori.Core.Features.Assessments;

namespace Mamori.Core.Tests.Features.Assessments;

public sealed class AssessmentObligationsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static AssessedBusiness Business(long subjects, int handlers = 100) =>
        new() { Name = "介護保険に関する事務", SubjectCount = subjects, StaffHandlers = handlers };

    private static Assessment Published(PiaLevel level, DateOnly publishedOn, AssessmentKind kind = AssessmentKind.Initial) => new()
    {
        Kind = kind,
        Level = level,
        StartedOn = publishedOn.AddMonths(-6),
        DraftDoneOn = publishedOn.AddMonths(-5),
        SubmittedOn = publishedOn.AddDays(-7),
        PublishedOn = publishedOn,
    };

    [Fact]
    public void FiveYears_FromTheLastPublication_AppearAsDueThirtyDaysBefore()
    {
        var published = Today.AddYears(-5).AddDays(30);
        var position = AssessmentObligations.Of(Business(50_000), [Published(PiaLevel.Basic, published)], new Dictionary<Guid, DateOnly>(), Today);
        var five = Assert.Single(position.Obligations, o => o.What.StartsWith("公表から5年", StringComparison.Ordinal));
        Assert.Equal(Today.AddDays(30), five.DueOn);
        Assert.Equal(ObligationState.DueSoon, five.State);

        var later = AssessmentObligations.Of(Business(50_000), [Published(PiaLevel.Basic, published)], new Dictionary<Guid, DateOnly>(), Today.AddDays(31));
        Assert.Contains(later.Obligations, o => o.What.StartsWith("公表から5年", StringComparison.Ordinal) && o.State == ObligationState.Overdue);
        Assert.Equal(ObligationState.Overdue, later.Next!.State);
    }

    [Fact]
    public void RecentPublication_LeavesOnlyTheYearlyReviewAndTheFiveYearsPlanned()
    {
        var position = AssessmentObligations.Of(Business(50_000), [Published(PiaLevel.Basic, Today.AddMonths(-2))], new Dictionary<Guid, DateOnly>(), Today);
        Assert.All(position.Obligations, o => Assert.NotEqual(ObligationState.Overdue, o.State));
        Assert.Equal("定期的な見直し（前回 令和8年9月22日）", position.Next!.What);
        Assert.Equal(Today.AddMonths(-2).AddYears(1), position.Next.DueOn);
    }

    [Fact]
    public void SeriousIncident_RaisesTheLevel_AndCallsForReevaluation()
    {
        var business = Business(150_000);
        var evaluations = new[] { Published(PiaLevel.Focused, Today.AddYears(-2)) };
        var before = AssessmentObligations.Of(business, evaluations, new Dictionary<Guid, DateOnly>(), Today);
        Assert.Equal(PiaLevel.Focused, before.Level);

        business.SeriousIncidentOn = Today.AddDays(-10);
        var after = AssessmentObligations.Of(business, evaluations, new Dictionary<Guid, DateOnly>(), Today);
        Assert.Equal(PiaLevel.Full, after.Level);
        Assert.Contains("重大事故あり", after.Judgment.Reason, StringComparison.Ordinal);
        Assert.Contains(after.Obligations, o => o.What.StartsWith("重大事故（令和8年11月12日）", StringComparison.Ordinal) && o.State == ObligationState.Overdue);
        Assert.Contains(after.Obligations, o => o.What == "しきい値判断の変更（重点項目評価→全項目評価）による再評価");

        // A year after the incident the threshold no longer counts it.
        Assert.Equal(PiaLevel.Focused, AssessmentObligations.Of(business, evaluations, new Dictionary<Guid, DateOnly>(), Today.AddYears(1).AddDays(-9)).Level);
    }

    [Fact]
    public void NoEvaluationYet_IsOverdue_UnlessBelowTheThreshold()
    {
        var none = AssessmentObligations.Of(Business(340_000), [], new Dictionary<Guid, DateOnly>(), Today);
        Assert.Equal("全項目評価の実施（評価書がまだありません）", none.Next!.What);
        Assert.Equal(ObligationState.Overdue, none.Next.State);
        Assert.Empty(AssessmentObligations.Of(Business(999), [], new Dictionary<Guid, DateOnly>(), Today).Obligations);
    }

    [Fact]
    public void OpenEvaluation_ShowsItsNextStep_AndTheCouncilAnswerClosesTheReview()
    {
        var item = Guid.NewGuid();
        var open = new Assessment
        {
            Kind = AssessmentKind.Reevaluation,
            Level = PiaLevel.Full,
            StartedOn = Today.AddMonths(-3),
            ConsultationItemId = item,
        };
        AssessmentWorkflow.ProposeDueDates(open, Today.AddDays(60));
        open.DraftDoneOn = Today.AddMonths(-2);
        open.MeetingDoneOn = Today.AddMonths(-2).AddDays(5);
        open.CommentStartOn = Today.AddDays(-50);
        open.CommentEndOn = Today.AddDays(-20);
        open.CommentOpinions = 2;
        var waiting = AssessmentObligations.Of(Business(340_000), [Published(PiaLevel.Full, Today.AddYears(-4)), open], new Dictionary<Guid, DateOnly>(), Today);
        Assert.Equal("再実施の評価：第三者点検（審議会への諮問）", waiting.Next!.What);
        Assert.Equal(Today.AddDays(30), waiting.Next.DueOn);
        Assert.DoesNotContain(waiting.Obligations, o => o.What.StartsWith("公表から5年", StringComparison.Ordinal));

        var answered = AssessmentObligations.Of(Business(340_000), [Published(PiaLevel.Full, Today.AddYears(-4)), open],
            new Dictionary<Guid, DateOnly> { [item] = Today.AddDays(-1) }, Today);
        Assert.Equal("再実施の評価：個人情報保護委員会へ提出", answered.Next!.What);
    }

    [Fact]
    public void ParseChanges_NamesTheLineToFix()
    {
        var ok = AssessmentText.ParseChanges("Ⅱ ファイルの概要 ６．保管・消去：事前\n\nⅠ 基本情報 ４．システム:事後\n");
        Assert.True(ok.Ok);
        Assert.Equal([new ChangedSection("Ⅱ ファイルの概要 ６．保管・消去", ChangeTiming.Prior), new ChangedSection("Ⅰ 基本情報 ４．システム", ChangeTiming.Posterior)],
            ok.Value!);
        var bad = AssessmentText.ParseChanges("Ⅰ 基本情報：事前\nⅢ リスク対策");
        Assert.Equal("2行目「Ⅲ リスク対策」：「項目名：事前」または「項目名：事後」の形で書いてください。", bad.Errors["Sections"][0]);
    }
}
