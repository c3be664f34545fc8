using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Assessments;

/// <summary>A business as entered.</summary>
public sealed record AssessedBusinessInput(string? Name, Guid? DepartmentId, string? Summary, long? SubjectCount, int? StaffHandlers, int? ContractorHandlers,
    DateOnly? SeriousIncidentOn, string? SeriousIncidentNote, PiaLevel? ChosenLevel, IReadOnlyList<Guid>? FileIds, Guid? Version = null);

/// <summary>A new evaluation: why, at which level (empty: the business's), and the date it must be published by.</summary>
public sealed record StartInput(AssessmentKind Kind, PiaLevel? Level, DateOnly? TargetOn, string? Trigger);

/// <summary>What a step form sends; only the fields of the step are read.</summary>
public sealed record StepInput(AssessmentStep Step, DateOnly? DueOn, DateOnly? DoneOn, string? MeetingName = null, DateOnly? CommentStartOn = null,
    DateOnly? CommentEndOn = null, int? CommentOpinions = null, string? CommentResponses = null, string? PublishedUrl = null, string? ReviewNote = null,
    Guid? Version = null);

/// <summary>A 重要な変更 as entered: the planned date, what changes, and the changed sections (項目：事前/事後 per line).</summary>
public sealed record ChangeInput(DateOnly? PlannedOn, string? Summary, string? Sections);

/// <summary>
/// The PIA use cases: businesses and their しきい値判断, evaluations and their steps in order (a 全項目評価
/// is submitted only after 30 days of public comment and the council's 答申), 重要な変更, and the
/// versions of the evaluation document.
/// </summary>
public static class AssessmentWorkflow
{
    public const int MinimumCommentDays = 30;
    private const string BusinessNotFound = "評価対象の事務が見つかりません。";
    private const string AssessmentNotFound = "評価が見つかりません。";

    // ---- businesses -------------------------------------------------------------------------------

    public static async Task<Outcome<AssessedBusiness>> SaveBusinessAsync(AppDbContext db, Guid? id, AssessedBusinessInput input, TimeProvider clock, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "事務の名称"))
        {
            errors.MaxLength("Name", input.Name, 200, "事務の名称");
        }
        errors.MaxLength("Summary", input.Summary, 2000, "事務の概要");
        errors.MaxLength("SeriousIncidentNote", input.SeriousIncidentNote, 1000, "重大事故の内容");
        if (input.DepartmentId is not { } departmentId || !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        if (input.SubjectCount is not { } subjects || subjects < 0)
        {
            errors.Add("SubjectCount", "対象人数を0以上の数で入力してください（特定個人情報ファイルに記録される本人の数）。");
        }
        if (input.StaffHandlers is not { } staff || staff < 0)
        {
            errors.Add("StaffHandlers", "取扱者数（職員）を0以上の数で入力してください。");
        }
        if (input.ContractorHandlers is < 0)
        {
            errors.Add("ContractorHandlers", "取扱者数（委託先）は0以上の数で入力してください。");
        }
        if (input.SeriousIncidentOn > today)
        {
            errors.Add("SeriousIncidentOn", "重大事故の発生日に未来の日付は入力できません。");
        }
        if (input.SeriousIncidentOn is not null && string.IsNullOrWhiteSpace(input.SeriousIncidentNote))
        {
            errors.Add("SeriousIncidentNote", "重大事故の内容を入力してください。");
        }
        var fileIds = (input.FileIds ?? []).Distinct().ToList();
        if (fileIds.Count > 0)
        {
            var found = await db.PersonalInfoFiles.Where(f => fileIds.Contains(f.Id) && f.IsSpecificPersonalInfo).CountAsync(ct);
            if (found != fileIds.Count)
            {
                errors.Add("FileIds", "特定個人情報ファイルとして登録されている個人情報ファイルを選んでください。");
            }
        }
        var name = input.Name?.Trim();
        if (name is not null && await db.AssessedBusinesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(b => b.Name == name && b.Id != id, ct))
        {
            errors.Add("Name", $"「{name}」は既に登録されています。");
        }
        if (errors.Any)
        {
            return errors.Fail<AssessedBusiness>();
        }

        // A new business inherits the organization's 重大事故 of the past year from the incident register.
        var seriousOn = input.SeriousIncidentOn;
        var seriousNote = input.SeriousIncidentNote;
        if (id is null && seriousOn is null && await Findings.Incidents.RecentSeriousAsync(db, today, ct) is { } recent)
        {
            (seriousOn, seriousNote) = recent;
        }
        var required = PiaThreshold.Judge(input.SubjectCount!.Value, input.StaffHandlers!.Value + (input.ContractorHandlers ?? 0),
            AssessedBusiness.IsWithinTheYear(seriousOn, today));
        if (input.ChosenLevel is { } chosen && chosen < required.Level)
        {
            return Outcome<AssessedBusiness>.Fail("ChosenLevel",
                $"{required.Reason}です。しきい値判断より低い評価（{chosen.JapaneseName()}）は選べません。");
        }

        AssessedBusiness? business;
        if (id is { } existing)
        {
            business = await db.AssessedBusinesses.Include(b => b.Files).FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (business is null)
            {
                return Outcome<AssessedBusiness>.Fail("", BusinessNotFound);
            }
            if (input.Version is { } version)
            {
                db.Entry(business).Property(b => b.Version).OriginalValue = version;
            }
        }
        else
        {
            business = new AssessedBusiness { Name = name! };
            db.AssessedBusinesses.Add(business);
        }
        business.Name = name!;
        business.DepartmentId = input.DepartmentId!.Value;
        business.Summary = Optional(input.Summary);
        business.SubjectCount = input.SubjectCount!.Value;
        business.StaffHandlers = input.StaffHandlers!.Value;
        business.ContractorHandlers = input.ContractorHandlers ?? 0;
        business.SeriousIncidentOn = seriousOn;
        business.SeriousIncidentNote = seriousOn is null ? null : Optional(seriousNote);
        business.ChosenLevel = input.ChosenLevel is { } c && c > required.Level ? c : null;
        business.Files.RemoveAll(f => !fileIds.Contains(f.FileId));
        foreach (var fileId in fileIds.Where(f => business.Files.All(x => x.FileId != f)))
        {
            business.Files.Add(new AssessedBusinessFile { BusinessId = business.Id, FileId = fileId });
        }
        return await SaveAsync(db, business, ct);
    }

    // ---- evaluations ------------------------------------------------------------------------------

    /// <summary>Starts an evaluation with due dates proposed back from <see cref="StartInput.TargetOn"/> (公表の期限).</summary>
    public static async Task<Outcome<Assessment>> StartAsync(AppDbContext db, Guid businessId, StartInput input, TimeProvider clock, CancellationToken ct)
    {
        var business = await db.AssessedBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, ct);
        if (business is null)
        {
            return Outcome<Assessment>.Fail("", BusinessNotFound);
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
            return Outcome<Assessment>.Fail("", AssessmentNotFound);
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
                    CheckSubmission(a, submittedOn, answered == default ? null : answered, errors);
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

    // ---- the council's third-party review --------------------------------------------------------

    /// <summary>Creates the consultation (諮問) for the 第三者点検 of a 全項目評価, numbered next in the series.</summary>
    public static async Task<Outcome<Assessment>> ConsultAsync(AppDbContext db, Guid id, Guid councilId, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Outcome<Assessment>.Fail("", AssessmentNotFound);
        }
        if (CheckConsultable(a) is { } refusal)
        {
            return Outcome<Assessment>.Fail("", refusal);
        }
        var business = await db.AssessedBusinesses.AsNoTracking().FirstAsync(b => b.Id == a.BusinessId, ct);
        var kind = a.Kind == AssessmentKind.Initial ? "" : "（再評価）";
        var item = await CouncilWorkflow.SaveItemAsync(db, null, new ItemInput(councilId, ItemKind.Consultation, null,
            $"{business.Name}に係る特定個人情報保護評価書（全項目評価書）{kind}の第三者点検について", business.DepartmentId, JapanTime.Today(clock),
            $"特定個人情報保護評価：{business.Name}　{a.Kind.JapaneseName()}の評価（{a.Trigger ?? "理由の記載なし"}）"), ct);
        if (!item.Ok)
        {
            return Outcome<Assessment>.Fail(item.Errors);
        }
        a.ConsultationItemId = item.Value!.Id;
        return await SaveAsync(db, a, ct);
    }

    /// <summary>Links an existing consultation (諮問) as the evaluation's 第三者点検.</summary>
    public static async Task<Outcome<Assessment>> LinkConsultationAsync(AppDbContext db, Guid id, Guid itemId, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Outcome<Assessment>.Fail("", AssessmentNotFound);
        }
        if (CheckConsultable(a) is { } refusal)
        {
            return Outcome<Assessment>.Fail("", refusal);
        }
        if (!await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.Kind == ItemKind.Consultation, ct))
        {
            return Outcome<Assessment>.Fail("ItemId", "諮問を選んでください。");
        }
        if (await db.Assessments.AnyAsync(x => x.ConsultationItemId == itemId, ct))
        {
            return Outcome<Assessment>.Fail("ItemId", "その諮問は別の評価の第三者点検に使われています。");
        }
        a.ConsultationItemId = itemId;
        return await SaveAsync(db, a, ct);
    }

    private static string? CheckConsultable(Assessment a) =>
        !a.Steps.Contains(AssessmentStep.ThirdPartyReview) ? "第三者点検（審議会への諮問）は全項目評価で行います。"
        : a.ConsultationItemId is not null ? "この評価は既に審議会へ諮問しています。"
        : a.CommentOpinions is null ? "住民意見募集を終えて意見の件数を記録してから諮問してください。"
        : null;

    // ---- changes ----------------------------------------------------------------------------------

    /// <summary>Records a 重要な変更. A 事前 section re-opens an evaluation (or joins the one under way) due the day before the change.</summary>
    public static async Task<Outcome<AssessmentChange>> RecordChangeAsync(AppDbContext db, Guid businessId, ChangeInput input, TimeProvider clock, CancellationToken ct)
    {
        var business = await db.AssessedBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, ct);
        if (business is null)
        {
            return Outcome<AssessmentChange>.Fail("", BusinessNotFound);
        }
        var errors = new FieldErrors();
        if (input.PlannedOn is null)
        {
            errors.Add("PlannedOn", "変更の予定日を入力してください。");
        }
        if (errors.Required("Summary", input.Summary, "変更の内容"))
        {
            errors.MaxLength("Summary", input.Summary, 500, "変更の内容");
        }
        var sections = AssessmentText.ParseChanges(input.Sections);
        if (!sections.Ok)
        {
            errors.Add("Sections", sections.Errors["Sections"][0]);
        }
        if (errors.Any)
        {
            return errors.Fail<AssessmentChange>();
        }
        var change = new AssessmentChange
        {
            DepartmentId = business.DepartmentId,
            BusinessId = business.Id,
            PlannedOn = input.PlannedOn!.Value,
            Summary = input.Summary!.Trim(),
            Sections = AssessmentText.FormatChanges(sections.Value!),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = db.Tenant.ActorName,
        };
        if (sections.Value!.Any(s => s.Timing == ChangeTiming.Prior))
        {
            var open = await db.Assessments.FirstOrDefaultAsync(a => a.BusinessId == businessId && a.Kind != AssessmentKind.PeriodicReview && a.PublishedOn == null, ct);
            if (open is null)
            {
                var evaluations = await db.Assessments.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync(ct);
                var today = JapanTime.Today(clock);
                open = new Assessment
                {
                    DepartmentId = business.DepartmentId,
                    BusinessId = business.Id,
                    Kind = evaluations.Any(e => e.CompletedOn is not null && e.Kind != AssessmentKind.PeriodicReview) ? AssessmentKind.Reevaluation : AssessmentKind.Initial,
                    // A business below the threshold that records a 重要な変更 is evaluated at least at the basic level.
                    Level = (PiaLevel)Math.Max((int)business.EffectiveLevel(today), (int)PiaLevel.Basic),
                    Trigger = $"重要な変更（事前）：{change.Summary}",
                    StartedOn = today,
                };
                ProposeDueDates(open, change.PlannedOn.AddDays(-1));
                db.Assessments.Add(open);
            }
            change.AssessmentId = open.Id;
        }
        db.AssessmentChanges.Add(change);
        return await SaveAsync(db, change, ct);
    }

    // ---- documents --------------------------------------------------------------------------------

    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".doc"];

    /// <summary>Adds a version of the evaluation document (PDF or Word), numbered per business.</summary>
    public static async Task<Outcome<AssessmentDocument>> AddDocumentAsync(AppDbContext db, Guid assessmentId, string? sections, string? note, string? fileName,
        byte[] content, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assessmentId, ct);
        if (a is null)
        {
            return Outcome<AssessmentDocument>.Fail("", AssessmentNotFound);
        }
        if (!DocumentExtensions.Contains(Path.GetExtension(fileName ?? string.Empty), StringComparer.OrdinalIgnoreCase))
        {
            return Outcome<AssessmentDocument>.Fail("File", "評価書はPDFかWordのファイル（.pdf, .docx, .doc）で登録してください。");
        }
        var upload = UploadRules.Check(fileName, content);
        if (!upload.Ok)
        {
            return Outcome<AssessmentDocument>.Fail(upload.Errors);
        }
        var errors = new FieldErrors();
        errors.MaxLength("Sections", sections, 4000, "評価書の項目");
        errors.MaxLength("Note", note, 2000, "前の版からの変更");
        if (errors.Any)
        {
            return errors.Fail<AssessmentDocument>();
        }
        var file = StoredFile.From(upload.Value!.Content);
        db.StoredFiles.Add(file);
        var number = (await db.AssessmentDocuments.Where(d => d.BusinessId == a.BusinessId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var document = new AssessmentDocument
        {
            DepartmentId = a.DepartmentId,
            BusinessId = a.BusinessId,
            AssessmentId = a.Id,
            Number = number,
            Sections = string.Join('\n', AssessmentText.Lines(sections)),
            Note = Optional(note),
            FileName = upload.Value.FileName,
            ContentType = upload.Value.ContentType,
            Size = file.Size,
            FileId = file.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.Tenant.ActorName,
        };
        db.AssessmentDocuments.Add(document);
        return await SaveAsync(db, document, ct);
    }

    /// <summary>Puts a version on the public page (taking the business's previous one off), or takes it off.</summary>
    public static async Task<Outcome<AssessmentDocument>> PublishDocumentAsync(AppDbContext db, Guid documentId, bool publish, CancellationToken ct)
    {
        var document = await db.AssessmentDocuments.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return Outcome<AssessmentDocument>.Fail("", "評価書が見つかりません。");
        }
        if (publish)
        {
            foreach (var other in await db.AssessmentDocuments.Where(d => d.BusinessId == document.BusinessId && d.IsPublished && d.Id != documentId).ToListAsync(ct))
            {
                other.IsPublished = false;
            }
        }
        document.IsPublished = publish;
        return await SaveAsync(db, document, ct);
    }

    /// <summary>Sections added and removed from the previous version's list.</summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) CompareSections(AssessmentDocument? previous, AssessmentDocument current)
    {
        var before = previous?.SectionList ?? [];
        var after = current.SectionList;
        return (after.Except(before).ToList(), before.Except(after).ToList());
    }

    private static Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T value, CancellationToken ct) => OptimisticSave.SaveAsync(db, value, ct);
}
