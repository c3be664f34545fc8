using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Assessments;

/// <summary>A step of an evaluation as the pages show it: who does it, by when, and when it was done.</summary>
public sealed record StepView(AssessmentStep Step, string Name, string Who, DateOnly? DueOn, DateOnly? DoneOn);

/// <summary>How pressing an obligation is.</summary>
public enum ObligationState
{
    /// <summary>期限超過.</summary>
    Overdue,

    /// <summary>期限間近 (within <see cref="AssessmentObligations.DueSoonDays"/> days).</summary>
    DueSoon,

    /// <summary>予定.</summary>
    Planned,
}

/// <summary>Something the business must do next, and by when.</summary>
public sealed record Obligation(string What, DateOnly DueOn, ObligationState State, Guid? AssessmentId);

/// <summary>A business's PIA position on a day: level, last and open evaluations, obligations (earliest first).</summary>
public sealed record BusinessPosition(ThresholdJudgment Judgment, PiaLevel Level, Assessment? Last, IReadOnlyList<Assessment> Open, IReadOnlyList<Obligation> Obligations)
{
    public Obligation? Next => Obligations.Count == 0 ? null : Obligations[0];
}

/// <summary>
/// What a business owes and when: the next step of an evaluation under way; a first evaluation when
/// none was made; re-evaluation five years after the last publication, after a serious incident, or
/// when the threshold now asks for a higher level; the yearly review (定期的な見直し) a year after the
/// last evaluation or review. A 重要な変更 (事前) opens an evaluation, whose steps then show here.
/// </summary>
public static class AssessmentObligations
{
    /// <summary>Obligations due within this many days are shown as 期限間近 (a 全項目評価 takes months).</summary>
    public const int DueSoonDays = 180;

    public static string JapaneseName(this AssessmentKind kind) => kind switch
    {
        AssessmentKind.Initial => "新規",
        AssessmentKind.Reevaluation => "再実施",
        _ => "定期的な見直し",
    };

    public static string JapaneseName(this ObligationState state) => state switch
    {
        ObligationState.Overdue => "期限超過",
        ObligationState.DueSoon => "期限間近",
        _ => "予定",
    };

    public static string StepName(AssessmentStep step, AssessmentKind kind) => step switch
    {
        AssessmentStep.Draft => kind == AssessmentKind.PeriodicReview ? "評価書の見直し" : "評価書作成",
        AssessmentStep.InternalMeeting => "庁内会議",
        AssessmentStep.PublicComment => "住民意見募集",
        AssessmentStep.ThirdPartyReview => "第三者点検（審議会への諮問）",
        AssessmentStep.Submission => "個人情報保護委員会へ提出",
        _ => "公表",
    };

    private static string Who(AssessmentStep step) => step switch
    {
        AssessmentStep.InternalMeeting => "所管課（庁内会議で審議）",
        AssessmentStep.ThirdPartyReview => "事務局（審議会へ諮問し、答申を受ける）",
        _ => "所管課",
    };

    /// <summary>The steps of <paramref name="a"/>; <paramref name="answeredOn"/> is the date of its consultation's 答申.</summary>
    public static IReadOnlyList<StepView> Steps(Assessment a, DateOnly? answeredOn) =>
        a.Steps.Select(step => new StepView(step, StepName(step, a.Kind), Who(step), step switch
        {
            AssessmentStep.Draft => a.DraftDueOn,
            AssessmentStep.InternalMeeting => a.MeetingDueOn,
            AssessmentStep.PublicComment => a.CommentDueOn,
            AssessmentStep.ThirdPartyReview => a.ReviewDueOn,
            AssessmentStep.Submission => a.SubmissionDueOn,
            _ => a.PublicationDueOn,
        }, step switch
        {
            AssessmentStep.Draft => a.DraftDoneOn,
            AssessmentStep.InternalMeeting => a.MeetingDoneOn,
            AssessmentStep.PublicComment => a.CommentOpinions is null ? null : a.CommentEndOn,
            AssessmentStep.ThirdPartyReview => answeredOn,
            AssessmentStep.Submission => a.SubmittedOn,
            _ => a.PublishedOn,
        })).ToList();

    public static ObligationState StateOf(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? ObligationState.Overdue : dueOn <= today.AddDays(DueSoonDays) ? ObligationState.DueSoon : ObligationState.Planned;

    /// <param name="business">The business.</param>
    /// <param name="evaluations">All its evaluations.</param>
    /// <param name="answeredOn">答申日 per consultation item, for the 第三者点検 steps.</param>
    /// <param name="today">The day (JST) the position is for.</param>
    public static BusinessPosition Of(AssessedBusiness business, IReadOnlyList<Assessment> evaluations, IReadOnlyDictionary<Guid, DateOnly> answeredOn, DateOnly today)
    {
        var judgment = business.Judge(today);
        var level = business.EffectiveLevel(today);
        var open = evaluations.Where(e => e.CompletedOn is null).OrderBy(e => e.StartedOn).ToList();
        var completed = evaluations.Where(e => e.CompletedOn is not null).ToList();
        var last = completed.Where(e => e.Kind != AssessmentKind.PeriodicReview).MaxBy(e => e.CompletedOn);
        var obligations = new List<Obligation>();

        foreach (var e in open)
        {
            var answered = e.ConsultationItemId is { } item && answeredOn.TryGetValue(item, out var on) ? on : (DateOnly?)null;
            if (Steps(e, answered).FirstOrDefault(s => s.DoneOn is null) is { } step)
            {
                var due = step.DueOn ?? today;
                obligations.Add(new Obligation($"{e.Kind.JapaneseName()}の評価：{step.Name}{(step.DueOn is null ? "（期限未設定）" : "")}", due, StateOf(due, today), e.Id));
            }
        }

        var reevaluating = open.Any(e => e.Kind != AssessmentKind.PeriodicReview);
        if (!reevaluating)
        {
            if (last is null)
            {
                if (level != PiaLevel.None)
                {
                    obligations.Add(new Obligation($"{level.JapaneseName()}の実施（評価書がまだありません）", today, ObligationState.Overdue, null));
                }
            }
            else
            {
                var publishedOn = last.CompletedOn!.Value;
                var fiveYears = publishedOn.AddYears(5);
                obligations.Add(new Obligation($"公表から5年を経過する前の再評価（前回の公表 {WarekiDate.Format(publishedOn)}）", fiveYears, StateOf(fiveYears, today), last.Id));
                if (business.SeriousIncidentOn is { } incident && incident > publishedOn && incident <= today)
                {
                    obligations.Add(new Obligation($"重大事故（{WarekiDate.Format(incident)}）の発生による再評価（速やかに）", incident, ObligationState.Overdue, last.Id));
                }
                if (level > last.Level)
                {
                    obligations.Add(new Obligation($"しきい値判断の変更（{last.Level.JapaneseName()}→{level.JapaneseName()}）による再評価", today, ObligationState.Overdue, last.Id));
                }
            }
        }

        // An evaluation under way (a re-evaluation or the review itself) stands for the yearly review.
        if (last is not null && open.Count == 0)
        {
            var reviewed = completed.Max(e => e.CompletedOn!.Value);
            var yearly = reviewed.AddYears(1);
            obligations.Add(new Obligation($"定期的な見直し（前回 {WarekiDate.Format(reviewed)}）", yearly, StateOf(yearly, today), null));
        }

        return new BusinessPosition(judgment, level, last, open, obligations.OrderBy(o => o.State == ObligationState.Overdue ? 0 : 1).ThenBy(o => o.DueOn).ToList());
    }
}
