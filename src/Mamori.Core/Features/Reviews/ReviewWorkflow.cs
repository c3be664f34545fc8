using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Reviews;

/// <summary>A business as entered on the form or the API.</summary>
public sealed record BusinessInput(string? Name, Guid? DepartmentId, string? JointDepartments, string? Summary, IReadOnlyList<HandlingType> Types,
    bool IsDiscontinued = false, Guid? Version = null);

/// <summary>A review round's schedule as entered.</summary>
public sealed record RoundInput(string? Title, string? Body, DateOnly? NoticeOn, DateOnly? DeadlineOn, IReadOnlyList<DateOnly> PreConsultations,
    DateOnly? MeetingOn, DateOnly? ReportOn, string? ReportTo, int? FirstCaseNumber, Guid? Version = null);

/// <summary>A new case: which business, which types are inspected this time, and the summary.</summary>
public sealed record CaseInput(Guid RoundId, Guid BusinessId, IReadOnlyList<HandlingType> Types, string? Summary, string? Title = null, string? DepartmentsLabel = null);

/// <summary>The answers of one 自己点検表.</summary>
public sealed record InspectionInput(IReadOnlyDictionary<string, string> Answers, InspectionDetails Details, bool HasSensitive, string? OrdinanceSensitive);

/// <summary>A question, answer, opinion or follow-up.</summary>
public sealed record EntryInput(EntryKind Kind, string? Text, Guid? ReplyToId = null, IReadOnlyList<QuestionCategory>? Categories = null,
    string? OtherTopic = null, ResponseCategory? Response = null, ImprovementBy? ImprovementBy = null);

/// <summary>The 部会's result for a case.</summary>
public sealed record ResultInput(ReviewResult? Result, string? ResultText, string? Points, IReadOnlyList<ResponseCategory> Responses, ImprovementBy? ImprovementBy);

/// <summary>
/// The review process: businesses, rounds, cases and their self-inspections, the record of questions
/// and answers, and results. Who may call what is the caller's policy; what the state allows is decided here.
/// </summary>
public static class ReviewWorkflow
{
    private const string CaseNotFound = "案件が見つかりません。";

    public static async Task<Outcome<Business>> SaveBusinessAsync(AppDbContext db, Guid? id, BusinessInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "事務の名称"))
        {
            errors.MaxLength("Name", input.Name, 200, "事務の名称");
        }
        errors.MaxLength("JointDepartments", input.JointDepartments, 200, "共管課");
        if (input.Types.Count == 0)
        {
            errors.Add("Types", "該当する取扱類型を1つ以上選んでください（例：保有、外部委託）。");
        }
        if (input.DepartmentId is not { } departmentId)
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "選ばれた所管課が見つかりません。");
        }
        else if (db.Tenant.RestrictToDepartment && departmentId != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "所管課のアカウントでは、自分の課の事務だけを登録できます。");
        }
        var name = input.Name?.Trim();
        if (name is not null && input.DepartmentId is { } dept &&
            await db.Businesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(b => b.Name == name && b.DepartmentId == dept && b.Id != id, ct))
        {
            errors.Add("Name", $"「{name}」は既に登録されています。");
        }

        Business? business = null;
        if (id is { } existing)
        {
            business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (business is null)
            {
                return Outcome<Business>.NotFound("事務が見つかりません。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<Business>();
        }
        if (business is null)
        {
            business = new Business { Name = name! };
            db.Businesses.Add(business);
        }
        else
        {
            db.Entry(business).Property(b => b.Version).OriginalValue = input.Version ?? business.Version;
        }
        business.Name = name!;
        business.DepartmentId = input.DepartmentId!.Value;
        business.JointDepartments = Optional(input.JointDepartments);
        business.Summary = Optional(input.Summary);
        business.TypeMask = ReviewNames.ToMask(input.Types);
        business.IsDiscontinued = input.IsDiscontinued;
        return await SaveAsync(db, business, "この事務", ct);
    }

    /// <summary>Saves, turning a concurrent edit into a message that says what to do.</summary>
    private static async Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T entity, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Success(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<T>.Conflict($"他の人が先に{what}を更新しました。画面を開き直して、最新の内容に対して変更してください。");
        }
    }

    public static async Task<Outcome<ReviewRound>> SaveRoundAsync(AppDbContext db, Guid? id, RoundInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "回の名称"))
        {
            errors.MaxLength("Title", input.Title, 100, "回の名称");
        }
        if (input.DeadlineOn is null)
        {
            errors.Add("DeadlineOn", "案件提出締切を入力してください。");
        }
        if (input.NoticeOn is { } notice && input.DeadlineOn is { } deadline && deadline < notice)
        {
            errors.Add("DeadlineOn", "案件提出締切は案件募集通知の日より後にしてください。");
        }
        if (input.MeetingOn is { } meeting && input.DeadlineOn is { } d2 && meeting < d2)
        {
            errors.Add("MeetingOn", "部会開催日は案件提出締切より後にしてください。");
        }
        if (input.ReportOn is { } report && input.MeetingOn is { } m2 && report < m2)
        {
            errors.Add("ReportOn", "報告日は部会開催日より後にしてください。");
        }
        if (input.FirstCaseNumber is < 1)
        {
            errors.Add("FirstCaseNumber", "最初の案件番号は1以上にしてください。");
        }
        var title = input.Title?.Trim();
        if (title is not null && await db.ReviewRounds.AnyAsync(r => r.Title == title && r.Id != id, ct))
        {
            errors.Add("Title", $"「{title}」は既にあります。");
        }
        ReviewRound? round = null;
        if (id is { } existing && (round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == existing, ct)) is null)
        {
            return Outcome<ReviewRound>.NotFound("審査の回が見つかりません。");
        }
        if (errors.Any)
        {
            return errors.Fail<ReviewRound>();
        }
        if (round is null)
        {
            round = new ReviewRound { Title = title!, Status = RoundStatus.Open };
            db.ReviewRounds.Add(round);
        }
        else
        {
            db.Entry(round).Property(r => r.Version).OriginalValue = input.Version ?? round.Version;
        }
        round.Title = title!;
        round.Body = Optional(input.Body);
        round.NoticeOn = input.NoticeOn;
        round.DeadlineOn = input.DeadlineOn;
        round.PreConsultationDates = ReviewRound.FormatDates(input.PreConsultations);
        round.MeetingOn = input.MeetingOn;
        round.ReportOn = input.ReportOn;
        round.ReportTo = Optional(input.ReportTo);
        round.FirstCaseNumber = input.FirstCaseNumber;
        return await SaveAsync(db, round, "この回", ct);
    }

    /// <summary>
    /// 締切 / 再開 / 報告. Reporting needs a result for every submitted case; after it, every department
    /// may read the round's report.
    /// </summary>
    public static async Task<Outcome<ReviewRound>> SetRoundStatusAsync(AppDbContext db, Guid id, RoundStatus status, TimeProvider clock, CancellationToken ct)
    {
        var round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<ReviewRound>.NotFound("審査の回が見つかりません。");
        }
        if (round.Status == RoundStatus.Reported)
        {
            return Outcome<ReviewRound>.Conflict("報告済みの回は変更できません。");
        }
        if (status == RoundStatus.Reported)
        {
            if (round.Status != RoundStatus.Closed)
            {
                return Outcome<ReviewRound>.Conflict("締め切ってから報告済みにしてください。");
            }
            var pending = await db.ReviewCases.Where(c => c.RoundId == id && c.Status == CaseStatus.Submitted)
                .OrderBy(c => c.Number).Select(c => new { c.Number, c.Title }).ToListAsync(ct);
            if (pending.Count > 0)
            {
                return Outcome<ReviewRound>.Conflict("結果が記録されていない案件があります："
                    + string.Join("、", pending.Select(p => $"{ReviewCase.NumberLabel(p.Number)}{p.Title}")) + "。結果を記録してから報告済みにしてください。");
            }
            round.ReportedAt = clock.GetUtcNow().UtcDateTime;
        }
        round.Status = status;
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewRound>.Success(round);
    }

    /// <summary>Starts a case (作成中) with an empty 自己点検表 for each type inspected, on the current template versions.</summary>
    public static async Task<Outcome<ReviewCase>> CreateCaseAsync(AppDbContext db, CaseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == input.RoundId, ct);
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == input.BusinessId, ct);
        if (round is null)
        {
            errors.Add("RoundId", "審査の回を選んでください。");
        }
        else if (round.Status != RoundStatus.Open)
        {
            errors.Add("RoundId", $"「{round.Title}」は締め切られています。事務局に相談してください。");
        }
        if (business is null)
        {
            errors.Add("BusinessId", "事務を選んでください。");
        }
        if (input.Types.Count == 0)
        {
            errors.Add("Types", "自己点検する取扱類型を1つ以上選んでください。");
        }
        errors.MaxLength("Summary", input.Summary, 4000, "自己点検の概要");
        errors.MaxLength("Title", input.Title, 200, "表題");
        errors.MaxLength("DepartmentsLabel", input.DepartmentsLabel, 200, "所管課の表示");
        if (errors.Any)
        {
            return errors.Fail<ReviewCase>();
        }
        var label = input.DepartmentsLabel ?? await DepartmentLabelAsync(db, business!, ct);
        var reviewCase = new ReviewCase
        {
            RoundId = round!.Id,
            BusinessId = business!.Id,
            DepartmentId = business.DepartmentId,
            Title = Optional(input.Title) ?? business.Name,
            DepartmentsLabel = label,
            Summary = input.Summary?.Trim() ?? string.Empty,
            Status = CaseStatus.Draft,
        };
        db.ReviewCases.Add(reviewCase);
        foreach (var type in input.Types.Distinct().Order())
        {
            var template = await InspectionTemplates.CurrentAsync(db, type, ct);
            db.SelfInspections.Add(new SelfInspection { CaseId = reviewCase.Id, DepartmentId = reviewCase.DepartmentId, Type = type, TemplateId = template.Id });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Success(reviewCase);
    }

    private static async Task<string> DepartmentLabelAsync(AppDbContext db, Business business, CancellationToken ct)
    {
        var name = await db.Departments.Where(d => d.Id == business.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        return business.JointDepartments is { } joint ? $"{name}、{joint}" : name;
    }

    /// <summary>Loads a case with its self-inspections and record, within the caller's scope.</summary>
    public static Task<ReviewCase?> LoadCaseAsync(AppDbContext db, Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = db.ReviewCases.Include(c => c.Inspections).Include(c => c.Entries).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>Saves the answers of one 自己点検表. Only while the case is 作成中; a submitted form is the record of what was reviewed.</summary>
    public static async Task<Outcome<SelfInspection>> SaveInspectionAsync(AppDbContext db, Guid caseId, HandlingType type, InspectionInput input, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (reviewCase is null)
        {
            return Outcome<SelfInspection>.NotFound(CaseNotFound);
        }
        if (reviewCase.Status != CaseStatus.Draft)
        {
            return Outcome<SelfInspection>.Conflict($"提出した自己点検表は変更できません（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        var inspection = await db.SelfInspections.FirstOrDefaultAsync(i => i.CaseId == caseId && i.Type == type, ct);
        if (inspection is null)
        {
            return Outcome<SelfInspection>.Fail("", $"この案件には{type.FormName()}がありません。");
        }
        var errors = new FieldErrors();
        RegisterWorkflow.CheckOrdinanceCategories(input.OrdinanceSensitive, await RegisterWorkflow.OrdinanceCategoriesAsync(db, ct), errors);
        var template = await db.InspectionTemplates.FirstAsync(t => t.Id == inspection.TemplateId, ct);
        var keys = template.Questions.Select(q => q.Key).ToHashSet();
        foreach (var (key, value) in input.Answers)
        {
            if (!keys.Contains(key))
            {
                errors.Add("Answers", $"質問「{key}」はこの自己点検表にありません。");
            }
            errors.MaxLength("Answers", value, 4000, $"質問「{key}」への回答");
        }
        if (input.Details.PeriodFrom is { } from && input.Details.PeriodTo is { } to && to < from)
        {
            errors.Add("PeriodTo", "契約期間の終了日は開始日より後にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<SelfInspection>();
        }
        inspection.AnswersJson = SelfInspection.SerializeAnswers(input.Answers
            .Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim()));
        inspection.DetailsJson = SelfInspection.SerializeDetails(input.Details);
        inspection.HasSensitive = input.HasSensitive;
        inspection.OrdinanceSensitive = Optional(string.Join('\n', RegisterContent.Lines(input.OrdinanceSensitive)));
        inspection.IsFilled = true;
        await db.SaveChangesAsync(ct);
        return Outcome<SelfInspection>.Success(inspection);
    }

    /// <summary>What keeps a case from being submitted, one line per unanswered question or missing detail.</summary>
    public static async Task<List<string>> MissingAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct)
    {
        var templates = await CaseReading.TemplatesAsync(db, reviewCase, ct);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(reviewCase.Summary))
        {
            missing.Add("自己点検の概要");
        }
        foreach (var inspection in reviewCase.Inspections.OrderBy(i => i.Type))
        {
            missing.AddRange(ReviewRules.Missing(inspection.Type, templates[inspection.TemplateId].Questions, inspection.Answers, inspection.Details));
        }
        return missing;
    }

    /// <summary>
    /// 提出: refuses with the list of missing answers; otherwise gives the case the municipality's next
    /// number (never reused, also after a withdrawal).
    /// </summary>
    public static async Task<Outcome<ReviewCase>> SubmitCaseAsync(AppDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await LoadCaseAsync(db, id, ct, tracking: true);
        if (reviewCase is null)
        {
            return Outcome<ReviewCase>.NotFound(CaseNotFound);
        }
        if (reviewCase.Status != CaseStatus.Draft)
        {
            return Outcome<ReviewCase>.Conflict($"作成中の案件だけを提出できます（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        var round = await db.ReviewRounds.FirstAsync(r => r.Id == reviewCase.RoundId, ct);
        if (round.Status != RoundStatus.Open)
        {
            return Outcome<ReviewCase>.Conflict($"「{round.Title}」は締め切られています。事務局に相談してください。");
        }
        var missing = await MissingAsync(db, reviewCase, ct);
        if (missing.Count > 0)
        {
            return Outcome<ReviewCase>.Fail(new Dictionary<string, string[]>
            {
                [""] = ["回答されていない項目があるため提出できません。次の項目に回答してください。"],
                ["Missing"] = missing.ToArray(),
            });
        }
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.ReviewCases.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).MaxAsync(c => c.Number, ct) ?? 0;
            reviewCase.Number = Math.Max(last, (round.FirstCaseNumber ?? 1) - 1) + 1;
            reviewCase.Status = CaseStatus.Submitted;
            reviewCase.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            reviewCase.SubmittedBy = db.Tenant.ActorName;
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<ReviewCase>.Success(reviewCase);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another case took the number at the same moment; take the next one.
                db.ChangeTracker.Clear();
                reviewCase = (await LoadCaseAsync(db, id, ct, tracking: true))!;
            }
        }
    }

    /// <summary>
    /// 取下げ: the department withdraws a submitted case before the result; the number stays taken. A case
    /// still being written (作成中) has no number yet and is simply deleted (the audit trail keeps it).
    /// </summary>
    public static async Task<Outcome<ReviewCase>> WithdrawCaseAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.Include(c => c.Inspections).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (reviewCase is null)
        {
            return Outcome<ReviewCase>.NotFound(CaseNotFound);
        }
        if (reviewCase.Status is not (CaseStatus.Draft or CaseStatus.Submitted))
        {
            return Outcome<ReviewCase>.Conflict($"結果の出た案件は取り下げられません（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        if (reviewCase.Status == CaseStatus.Draft)
        {
            db.SelfInspections.RemoveRange(reviewCase.Inspections);
            db.ReviewCases.Remove(reviewCase);
        }
        else
        {
            reviewCase.Status = CaseStatus.Withdrawn;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Success(reviewCase);
    }

    /// <summary>Changes the summary and the types of a case still being written; forms of removed types are dropped, new ones start empty.</summary>
    public static async Task<Outcome<ReviewCase>> UpdateDraftAsync(AppDbContext db, Guid id, IReadOnlyList<HandlingType> types, string? summary, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.Include(c => c.Inspections).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (reviewCase is null)
        {
            return Outcome<ReviewCase>.NotFound(CaseNotFound);
        }
        var errors = new FieldErrors();
        if (reviewCase.Status != CaseStatus.Draft)
        {
            errors.Add("", "提出した案件の概要と類型は変更できません。");
        }
        if (types.Count == 0)
        {
            errors.Add("Types", "自己点検する取扱類型を1つ以上選んでください。");
        }
        errors.MaxLength("Summary", summary, 4000, "自己点検の概要");
        if (errors.Any)
        {
            return errors.Fail<ReviewCase>();
        }
        reviewCase.Summary = summary?.Trim() ?? string.Empty;
        db.SelfInspections.RemoveRange(reviewCase.Inspections.Where(i => !types.Contains(i.Type)));
        foreach (var type in types.Distinct().Where(t => reviewCase.Inspections.All(i => i.Type != t)))
        {
            var template = await InspectionTemplates.CurrentAsync(db, type, ct);
            db.SelfInspections.Add(new SelfInspection { CaseId = reviewCase.Id, DepartmentId = reviewCase.DepartmentId, Type = type, TemplateId = template.Id });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Success(reviewCase);
    }

    /// <summary>
    /// Adds to a case's record. A 所管課 user may only answer; 事務局 asks, answers (marked 事務局),
    /// gives opinions, classifies and records follow-ups.
    /// </summary>
    public static async Task<Outcome<CaseEntry>> AddEntryAsync(AppDbContext db, Guid caseId, EntryInput input, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (reviewCase is null)
        {
            return Outcome<CaseEntry>.NotFound(CaseNotFound);
        }
        var byDepartment = db.Tenant.RestrictToDepartment;
        var errors = new FieldErrors();
        if (reviewCase.Status is CaseStatus.Draft or CaseStatus.Withdrawn)
        {
            errors.Add("", $"提出された案件にだけ質問・回答を記録できます（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        if (byDepartment && input.Kind != EntryKind.Answer)
        {
            errors.Add("Kind", "所管課は質問への回答だけを入力できます。");
        }
        if (input.Kind == EntryKind.FollowUp && reviewCase.Status != CaseStatus.Decided)
        {
            errors.Add("Kind", "部会後の処理は結果を記録してから入力してください。");
        }
        if (errors.Required("Text", input.Text, input.Kind.JapaneseName()))
        {
            errors.MaxLength("Text", input.Text, 4000, input.Kind.JapaneseName());
        }
        if (input.Kind == EntryKind.Answer)
        {
            if (input.ReplyToId is not { } question || !await db.CaseEntries.AnyAsync(e => e.Id == question && e.CaseId == caseId && e.Kind == EntryKind.Question, ct))
            {
                errors.Add("ReplyToId", "どの質問への回答かを選んでください。");
            }
        }
        var categories = input.Categories ?? [];
        if (input.Kind is EntryKind.Question or EntryKind.Opinion)
        {
            if (categories.Contains(QuestionCategory.Other) && string.IsNullOrWhiteSpace(input.OtherTopic))
            {
                errors.Add("OtherTopic", "類型「その他」を選んだときは、その内容（例：個人情報の収集方法）を入力してください。");
            }
        }
        if (input.Response == ResponseCategory.BusinessImprovement && input.ImprovementBy is null)
        {
            errors.Add("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        errors.MaxLength("OtherTopic", input.OtherTopic, 100, "その他の内容");
        if (errors.Any)
        {
            return errors.Fail<CaseEntry>();
        }
        var asks = input.Kind is EntryKind.Question or EntryKind.Opinion;
        var entry = new CaseEntry
        {
            CaseId = caseId,
            DepartmentId = reviewCase.DepartmentId,
            Kind = input.Kind,
            ReplyToId = input.Kind == EntryKind.Answer ? input.ReplyToId : null,
            Text = input.Text!.Trim(),
            CategoryMask = asks ? ReviewNames.ToMask(categories) : 0,
            OtherTopic = asks && categories.Contains(QuestionCategory.Other) ? Optional(input.OtherTopic) : null,
            Response = byDepartment ? null : input.Response,
            ImprovementBy = byDepartment || input.Response != ResponseCategory.BusinessImprovement ? null : input.ImprovementBy,
            ByOffice = !byDepartment && input.Kind == EntryKind.Answer,
            AuthorName = db.Tenant.ActorName,
            At = clock.GetUtcNow().UtcDateTime,
        };
        db.CaseEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseEntry>.Success(entry);
    }

    /// <summary>事務局 classifies an entry after the fact (e.g. when compiling the 別表).</summary>
    public static async Task<Outcome<CaseEntry>> ClassifyEntryAsync(AppDbContext db, Guid entryId, IReadOnlyList<QuestionCategory> categories, string? otherTopic,
        ResponseCategory? response, ImprovementBy? improvementBy, CancellationToken ct)
    {
        var entry = await db.CaseEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return Outcome<CaseEntry>.NotFound("記録が見つかりません。");
        }
        if (categories.Contains(QuestionCategory.Other) && string.IsNullOrWhiteSpace(otherTopic))
        {
            return Outcome<CaseEntry>.Fail("OtherTopic", "類型「その他」を選んだときは、その内容（例：個人情報の収集方法）を入力してください。");
        }
        if (response == ResponseCategory.BusinessImprovement && improvementBy is null)
        {
            return Outcome<CaseEntry>.Fail("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        var asks = entry.Kind is EntryKind.Question or EntryKind.Opinion;
        entry.CategoryMask = asks ? ReviewNames.ToMask(categories) : 0;
        entry.OtherTopic = asks && categories.Contains(QuestionCategory.Other) ? Optional(otherTopic) : null;
        entry.Response = response;
        entry.ImprovementBy = response == ResponseCategory.BusinessImprovement ? improvementBy : null;
        await db.SaveChangesAsync(ct);
        return Outcome<CaseEntry>.Success(entry);
    }

    /// <summary>結果: 承認 / 意見を付して承認 / 再審査, with the printed wording, the 要点 and the case's 対応の類型.</summary>
    public static async Task<Outcome<ReviewCase>> RecordResultAsync(AppDbContext db, Guid id, ResultInput input, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (reviewCase is null)
        {
            return Outcome<ReviewCase>.NotFound(CaseNotFound);
        }
        var errors = new FieldErrors();
        if (reviewCase.Status is not (CaseStatus.Submitted or CaseStatus.Decided))
        {
            errors.Add("", $"提出された案件にだけ結果を記録できます（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        var round = await db.ReviewRounds.FirstAsync(r => r.Id == reviewCase.RoundId, ct);
        if (round.Status == RoundStatus.Open)
        {
            errors.Add("", $"「{round.Title}」はまだ募集中です。締め切ってから結果を記録してください。");
        }
        else if (round.Status == RoundStatus.Reported)
        {
            errors.Add("", "報告済みの回の結果は変更できません。");
        }
        if (input.Result is null)
        {
            errors.Add("Result", "結果（承認／意見を付して承認／再審査）を選んでください。");
        }
        if (input.Responses.Contains(ResponseCategory.BusinessImprovement) && input.ImprovementBy is null)
        {
            errors.Add("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        errors.MaxLength("ResultText", input.ResultText, 4000, "結果の内容");
        errors.MaxLength("Points", input.Points, 4000, "部会点検の要点");
        if (errors.Any)
        {
            return errors.Fail<ReviewCase>();
        }
        reviewCase.Result = input.Result;
        reviewCase.ResultText = Optional(input.ResultText) ?? DefaultResultText(input.Result!.Value);
        reviewCase.Points = Optional(input.Points);
        reviewCase.ResponseMask = ReviewNames.ToMask(input.Responses);
        reviewCase.ImprovementBy = input.Responses.Contains(ResponseCategory.BusinessImprovement) ? input.ImprovementBy : null;
        reviewCase.Status = CaseStatus.Decided;
        reviewCase.DecidedAt = clock.GetUtcNow().UtcDateTime;
        reviewCase.DecidedBy = db.Tenant.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Success(reviewCase);
    }

    public static string DefaultResultText(ReviewResult result) => result switch
    {
        ReviewResult.Approved => "自己点検内容の妥当性について承認",
        ReviewResult.ApprovedWithOpinion => "意見を付して、自己点検内容の妥当性について承認",
        _ => "再審査",
    };

    public static string JapaneseName(this CaseStatus status) => status switch
    {
        CaseStatus.Draft => "作成中",
        CaseStatus.Submitted => "提出済",
        CaseStatus.Decided => "審査済",
        CaseStatus.Withdrawn => "取下げ",
        _ => status.ToString(),
    };

    public static string JapaneseName(this RoundStatus status) => status switch
    {
        RoundStatus.Open => "募集中",
        RoundStatus.Closed => "締切済",
        RoundStatus.Reported => "報告済",
        _ => status.ToString(),
    };
}
