using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Reviews;

/// <summary>Cases and their 自己点検表: created, filled in, submitted, withdrawn.</summary>
public static partial class ReviewWorkflow
{
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
        reviewCase.Status = CaseStatus.Submitted;
        reviewCase.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        reviewCase.SubmittedBy = db.Tenant.ActorName;
        return await NumberedSave.SaveAsync(db, reviewCase, nameof(ReviewCase.Number), async () =>
        {
            var last = await db.ReviewCases.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).MaxAsync(c => c.Number, ct) ?? 0;
            reviewCase.Number = Math.Max(last, (round.FirstCaseNumber ?? 1) - 1) + 1;
        }, ct);
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
}
