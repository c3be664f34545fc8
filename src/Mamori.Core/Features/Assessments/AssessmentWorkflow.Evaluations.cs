using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Assessments;

/// <summary>Evaluations: starting one, its steps in order with due dates, and completion.</summary>
public static partial class AssessmentWorkflow
{
    /// <summary>Starts an evaluation with due dates proposed back from <see cref="StartInput.TargetOn"/> (公表の期限).</summary>
    public static async Task<Outcome<Assessment>> StartAsync(AppDbContext db, Guid businessId, StartInput input, TimeProvider clock, CancellationToken ct)
    {
        var business = await db.AssessedBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, ct);
        if (business is null)
        {
            return Outcome<Assessment>.NotFound(BusinessNotFound);
        }
        var today = JapanTime.Today(clock);
        var evaluations = await db.Assessments.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync(ct);
        var effective = business.EffectiveLevel(today);
        var errors = new FieldErrors();
        if (input.TargetOn is null)
        {
            errors.Add("TargetOn", "公表の期限（重要な変更なら変更の予定日の前日）を入力してください。");
        }
        errors.MaxLength("Trigger", input.Trigger, 500, "実施の理由");
        var open = evaluations.FirstOrDefault(e => e.CompletedOn is null && (e.Kind == AssessmentKind.PeriodicReview) == (input.Kind == AssessmentKind.PeriodicReview));
        if (open is not null)
        {
            errors.Add("", $"{WarekiDate.Format(open.StartedOn)}に始めた{open.Kind.JapaneseName()}の評価が終わっていません。その評価を進めてください。");
        }
        var last = evaluations.Where(e => e.CompletedOn is not null && e.Kind != AssessmentKind.PeriodicReview).MaxBy(e => e.CompletedOn);
        if (input.Kind == AssessmentKind.PeriodicReview && last is null)
        {
            errors.Add("Kind", "定期的な見直しは、公表した評価書があるときに行います。先に評価を実施してください。");
        }
        if (input.Kind == AssessmentKind.Initial && last is not null)
        {
            errors.Add("Kind", "公表した評価書があるので、「再実施」を選んでください。");
        }
        var level = input.Kind == AssessmentKind.PeriodicReview ? last?.Level ?? effective : input.Level ?? effective;
        if (input.Kind != AssessmentKind.PeriodicReview && level < effective)
        {
            errors.Add("Level", $"{business.Judge(today).Reason}です。{effective.JapaneseName()}より低い評価では実施できません。");
        }
        if (input.Kind != AssessmentKind.PeriodicReview && level == PiaLevel.None)
        {
            errors.Add("Level", "実施する評価（基礎項目評価以上）を選んでください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Assessment>();
        }
        var target = input.TargetOn!.Value;
        var assessment = new Assessment
        {
            DepartmentId = business.DepartmentId,
            BusinessId = business.Id,
            Kind = input.Kind,
            Level = level,
            Trigger = Optional(input.Trigger),
            StartedOn = today,
        };
        ProposeDueDates(assessment, target);
        db.Assessments.Add(assessment);
        return await SaveAsync(db, assessment, ct);
    }

    /// <summary>
    /// Due dates counted back from the publication date: a 全項目評価 needs about half a year (draft, the
    /// internal meeting, 30 days and more of public comment, the council's review, submission).
    /// </summary>
    public static void ProposeDueDates(Assessment a, DateOnly target)
    {
        if (a.Kind == AssessmentKind.PeriodicReview)
        {
            a.DraftDueOn = target;
            return;
        }
        a.PublicationDueOn = target;
        a.SubmissionDueOn = target.AddDays(-14);
        switch (a.Level)
        {
            case PiaLevel.Full:
                a.DraftDueOn = target.AddDays(-180);
                a.MeetingDueOn = target.AddDays(-150);
                a.CommentDueOn = target.AddDays(-100);
                a.ReviewDueOn = target.AddDays(-30);
                break;
            case PiaLevel.Focused:
                a.DraftDueOn = target.AddDays(-90);
                a.MeetingDueOn = target.AddDays(-45);
                break;
            default:
                a.DraftDueOn = target.AddDays(-30);
                break;
        }
    }

    /// <summary>The 答申日 of each consultation linked to the given evaluations.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> AnsweredOnAsync(AppDbContext db, IEnumerable<Assessment> evaluations, CancellationToken ct)
    {
        var items = evaluations.Where(e => e.ConsultationItemId is not null).Select(e => e.ConsultationItemId!.Value).Distinct().ToList();
        if (items.Count == 0)
        {
            return [];
        }
        var answers = await db.Toshins.IgnoreQueryFilters([AppDbContext.CouncilFilter]).AsNoTracking()
            .Where(t => items.Contains(t.ItemId) && t.AnsweredOn != null).Select(t => new { t.ItemId, t.AnsweredOn }).ToListAsync(ct);
        return answers.ToDictionary(a => a.ItemId, a => a.AnsweredOn!.Value);
    }

    /// <summary>Records a step's due date and what was done. Steps are done in order; submission checks the rules of the level.</summary>
    public static async Task<Outcome<Assessment>> SaveStepAsync(AppDbContext db, Guid id, StepInput input, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Outcome<Assessment>.NotFound(AssessmentNotFound);
        }
        if (!a.Steps.Contains(input.Step))
        {
            return Outcome<Assessment>.Fail("", $"{a.Level.JapaneseName()}に「{AssessmentObligations.StepName(input.Step, a.Kind)}」の手順はありません。");
        }
        if (input.Version is { } version)
        {
            db.Entry(a).Property(x => x.Version).OriginalValue = version;
        }
        var today = JapanTime.Today(clock);
        var answered = (await AnsweredOnAsync(db, [a], ct)).GetValueOrDefault(a.ConsultationItemId ?? Guid.Empty);
        var steps = AssessmentObligations.Steps(a, answered == default ? null : answered);
        var errors = new FieldErrors();
        var done = input.Step == AssessmentStep.PublicComment ? (input.CommentOpinions is null ? null : input.CommentEndOn) : input.DoneOn;
        if (done > today)
        {
            errors.Add(input.Step == AssessmentStep.PublicComment ? "CommentOpinions" : "DoneOn",
                input.Step == AssessmentStep.PublicComment ? "意見の件数は、募集期間が終わってから記録してください。" : "実施日に未来の日付は入力できません。");
        }
        if (done is not null)
        {
            foreach (var earlier in steps.TakeWhile(s => s.Step != input.Step))
            {
                if (earlier.DoneOn is null)
                {
                    errors.Add("", $"先に「{earlier.Name}」を済ませてください（手順は順に進めます）。");
                    break;
                }
            }
        }
        ApplyStep(a, input, answered == default ? null : answered, errors);
        if (done is not null && steps.SkipWhile(s => s.Step != input.Step).Skip(1).FirstOrDefault(s => s.DoneOn < done) is { } later)
        {
            errors.Add("DoneOn", $"後の手順「{later.Name}」（{WarekiDate.Format(later.DoneOn!.Value)}）より後の日付にはできません。");
        }
        if (done is null && steps.SkipWhile(s => s.Step != input.Step).Skip(1).FirstOrDefault(s => s.DoneOn is not null) is { } after)
        {
            errors.Add("DoneOn", $"後の手順「{after.Name}」が済んでいるため、この手順の実施日は消せません。");
        }
        if (errors.Any)
        {
            // Nothing is saved: the record was changed in memory only while it was checked.
            db.Entry(a).State = EntityState.Detached;
            return errors.Fail<Assessment>();
        }
        return await SaveAsync(db, a, ct);
    }

    /// <summary>The step's fields onto the evaluation, with the rules of that step (each step records different facts).</summary>
    private static void ApplyStep(Assessment a, StepInput input, DateOnly? answered, FieldErrors errors)
    {
        switch (input.Step)
        {
            case AssessmentStep.Draft:
                a.DraftDueOn = input.DueOn;
                a.DraftDoneOn = input.DoneOn;
                if (a.Kind == AssessmentKind.PeriodicReview)
                {
                    errors.MaxLength("ReviewNote", input.ReviewNote, 2000, "見直しの結果");
                    if (input.DoneOn is not null && string.IsNullOrWhiteSpace(input.ReviewNote))
                    {
                        errors.Add("ReviewNote", "見直しの結果（変更の有無と内容）を入力してください。");
                    }
                    a.ReviewNote = Optional(input.ReviewNote);
                }
                break;
            case AssessmentStep.InternalMeeting:
                errors.MaxLength("MeetingName", input.MeetingName, 200, "会議の名称");
                if (input.DoneOn is not null && string.IsNullOrWhiteSpace(input.MeetingName))
                {
                    errors.Add("MeetingName", "庁内会議の名称を入力してください（例：マイナンバー制度セキュリティ会議）。");
                }
                a.MeetingDueOn = input.DueOn;
                a.MeetingName = Optional(input.MeetingName);
                a.MeetingDoneOn = input.DoneOn;
                break;
            case AssessmentStep.PublicComment:
                CheckComment(input, errors);
                a.CommentDueOn = input.DueOn;
                a.CommentStartOn = input.CommentStartOn;
                a.CommentEndOn = input.CommentEndOn;
                a.CommentOpinions = input.CommentOpinions;
                a.CommentResponses = Optional(input.CommentResponses);
                break;
            case AssessmentStep.ThirdPartyReview:
                if (input.DoneOn is not null)
                {
                    errors.Add("DoneOn", "第三者点検は審議会の答申で完了します。答申を登録してください。");
                }
                a.ReviewDueOn = input.DueOn;
                break;
            case AssessmentStep.Submission:
                a.SubmissionDueOn = input.DueOn;
                a.SubmittedOn = input.DoneOn;
                if (input.DoneOn is { } submittedOn)
                {
                    CheckSubmission(a, submittedOn, answered, errors);
                }
                break;
            case AssessmentStep.Publication:
                errors.MaxLength("PublishedUrl", input.PublishedUrl, 500, "公表先のURL");
                if (Optional(input.PublishedUrl) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                {
                    errors.Add("PublishedUrl", "公表先のURLは http:// または https:// で始まる形で入力してください。");
                }
                if (input.DoneOn < a.SubmittedOn)
                {
                    errors.Add("DoneOn", $"公表日は提出日（{WarekiDate.Format(a.SubmittedOn!.Value)}）以後にしてください。");
                }
                a.PublicationDueOn = input.DueOn;
                a.PublishedOn = input.DoneOn;
                a.PublishedUrl = Optional(input.PublishedUrl);
                break;
        }
    }

    /// <summary>住民意見募集: both dates or none, at least 30 days (the first and last day counted), opinions counted after it ends.</summary>
    private static void CheckComment(StepInput input, FieldErrors errors)
    {
        if (input.CommentStartOn is null != input.CommentEndOn is null)
        {
            errors.Add(input.CommentStartOn is null ? "CommentStartOn" : "CommentEndOn", "意見募集の開始日と終了日を両方入力してください。");
            return;
        }
        if (input.CommentStartOn is { } start && input.CommentEndOn is { } end)
        {
            var days = CommentDays(start, end);
            if (days < MinimumCommentDays)
            {
                errors.Add("CommentEndOn", $"意見募集の期間が{Math.Max(days, 0)}日間です。30日以上にしてください（{WarekiDate.Format(start)}からなら{WarekiDate.Format(start.AddDays(MinimumCommentDays - 1))}まで）。");
            }
        }
        if (input.CommentOpinions is < 0)
        {
            errors.Add("CommentOpinions", "意見の件数は0以上にしてください。");
        }
        if (input.CommentOpinions is not null && input.CommentEndOn is null)
        {
            errors.Add("CommentOpinions", "意見の件数は、募集期間を入力してから記録してください。");
        }
        errors.MaxLength("CommentResponses", input.CommentResponses, 4000, "意見への対応");
    }

    /// <summary>The days of a comment period, the first and the last day included.</summary>
    public static int CommentDays(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber + 1;

    private static void CheckSubmission(Assessment a, DateOnly submittedOn, DateOnly? answeredOn, FieldErrors errors)
    {
        if (a.Level != PiaLevel.Full)
        {
            return;
        }
        if (a.CommentStartOn is not { } start || a.CommentEndOn is not { } end)
        {
            errors.Add("DoneOn", "全項目評価は、住民意見募集（30日以上）を行ってから提出します。");
        }
        else if (CommentDays(start, end) < MinimumCommentDays)
        {
            errors.Add("DoneOn", $"住民意見募集の期間が{CommentDays(start, end)}日間です。30日以上の募集が必要です。");
        }
        else if (submittedOn <= end)
        {
            errors.Add("DoneOn", $"住民意見募集（{WarekiDate.Format(end)}まで）が終わってから提出してください。");
        }
        if (a.ConsultationItemId is null)
        {
            errors.Add("DoneOn", "全項目評価は、審議会の第三者点検を受けてから提出します。審議会へ諮問してください。");
        }
        else if (answeredOn is null)
        {
            errors.Add("DoneOn", "審議会の答申がまだありません。答申を受けてから提出してください。");
        }
        else if (answeredOn > submittedOn)
        {
            errors.Add("DoneOn", $"提出日が答申日（{WarekiDate.Format(answeredOn.Value)}）より前です。");
        }
    }
}
