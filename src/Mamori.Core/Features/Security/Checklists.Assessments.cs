using System.Globalization;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>A department's yearly assessment on a template: answers, improvement plans, closing, and the comparison with the year before.</summary>
public static partial class Checklists
{
    /// <summary>Starts an assessment of a template for a fiscal year and unit; one per template, year and unit.</summary>
    public static async Task<Outcome<ChecklistAssessment>> StartAsync(AppDbContext db, Guid templateId, int fiscalYear, Guid? departmentId, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
        {
            return Outcome<ChecklistAssessment>.Fail("TemplateId", "調査表を選んでください。");
        }
        if (fiscalYear is < 1989 or > 2200)
        {
            return Outcome<ChecklistAssessment>.Fail("FiscalYear", "年度を選んでください。");
        }
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            return Outcome<ChecklistAssessment>.Fail("DepartmentId", "点検する部署が見つかりません。");
        }
        if (await db.ChecklistAssessments.AnyAsync(a => a.TemplateId == templateId && a.FiscalYear == fiscalYear && a.DepartmentId == departmentId, ct))
        {
            return Outcome<ChecklistAssessment>.Fail("FiscalYear", "この調査表・年度・部署の点検はすでにあります。一覧から開いてください。");
        }
        var assessment = new ChecklistAssessment { MunicipalityId = template.MunicipalityId, TemplateId = templateId, FiscalYear = fiscalYear, DepartmentId = departmentId };
        assessment.Answers.AddRange(template.Items.Select(i => new ChecklistAnswer { MunicipalityId = template.MunicipalityId, ItemNumber = i.Number }));
        db.ChecklistAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return Outcome<ChecklistAssessment>.Success(assessment);
    }

    /// <summary>Saves answers, evidence and plans. Values must be on the scale; a closed assessment is reopened first.</summary>
    public static async Task<Outcome<ChecklistAssessment>> SaveAnswersAsync(AppDbContext db, Guid id, IReadOnlyList<AnswerInput> inputs, DateOnly? answeredOn,
        Guid? version, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        if (assessment.IsClosed)
        {
            return Outcome<ChecklistAssessment>.Conflict("この点検は完了しています。直すときは「完了を取り消す」を押してから入力してください。");
        }
        if (version is { } v && v != assessment.Version)
        {
            return Outcome<ChecklistAssessment>.Conflict(OptimisticSave.ConflictMessage);
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var scale = template.Scale;
        var errors = new FieldErrors();
        foreach (var (input, index) in inputs.Select((x, i) => (x, i)))
        {
            var answer = assessment.Answers.FirstOrDefault(a => a.ItemNumber == input.ItemNumber);
            if (answer is null)
            {
                continue;
            }
            if (input.Value is { } value && scale.All(o => o.Value != value))
            {
                errors.Add($"Answers[{index}].Value", $"項目 {input.ItemNumber} の回答 {value} は選択肢にありません。");
                continue;
            }
            errors.MaxLength($"Answers[{index}].Evidence", input.Evidence, 4000, $"項目 {input.ItemNumber} の回答の根拠");
            errors.MaxLength($"Answers[{index}].PlanMeasure", input.PlanMeasure, 4000, $"項目 {input.ItemNumber} の改善策");
            errors.MaxLength($"Answers[{index}].PlanOwner", input.PlanOwner, 200, $"項目 {input.ItemNumber} の担当");
            answer.Value = input.Value;
            answer.Evidence = Optional(input.Evidence);
            answer.PlanMeasure = Optional(input.PlanMeasure);
            answer.PlanOwner = Optional(input.PlanOwner);
            answer.PlanDueOn = input.PlanDueOn;
        }
        if (errors.Any)
        {
            return errors.Fail<ChecklistAssessment>();
        }
        assessment.AnsweredOn = answeredOn;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>What still stands between an assessment and closing: unanswered items and items below the top value without a plan.</summary>
    public static List<string> Blockers(ChecklistTemplate template, ChecklistAssessment assessment)
    {
        var scale = template.Scale;
        var answers = assessment.Answers.ToDictionary(a => a.ItemNumber, StringComparer.Ordinal);
        var blockers = new List<string>();
        foreach (var item in template.Items)
        {
            var answer = answers.GetValueOrDefault(item.Number);
            if (answer?.Value is null)
            {
                blockers.Add($"項目 {item.Number}「{Short(item.Text)}」が未回答です。");
            }
            else if (NeedsPlan(scale, answer.Value) && !answer.HasPlan)
            {
                blockers.Add($"項目 {item.Number}「{Short(item.Text)}」は「{Label(scale, answer.Value)}」のため、改善計画（改善策・担当・期限）を入力してください。");
            }
        }
        return blockers;
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    /// <summary>Closes an assessment when nothing blocks it.</summary>
    public static async Task<Outcome<ChecklistAssessment>> CloseAsync(AppDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        if (assessment.IsClosed)
        {
            return Outcome<ChecklistAssessment>.Success(assessment);
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var blockers = Blockers(template, assessment);
        if (blockers.Count > 0)
        {
            return Outcome<ChecklistAssessment>.Fail(new Dictionary<string, string[]> { [""] = [.. blockers] });
        }
        assessment.ClosedAt = clock.GetUtcNow().UtcDateTime;
        assessment.ClosedBy = db.Tenant.ActorName;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>Takes back the closing so that answers can be corrected.</summary>
    public static async Task<Outcome<ChecklistAssessment>> ReopenAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return Outcome<ChecklistAssessment>.NotFound("点検が見つかりません。");
        }
        assessment.ClosedAt = null;
        assessment.ClosedBy = null;
        return await OptimisticSave.SaveAsync(db, assessment, ct);
    }

    /// <summary>
    /// 前回: the latest earlier assessment of the same unit against a template of the same name (templates are
    /// re-issued each year); a closed one is preferred to one still being answered.
    /// </summary>
    public static async Task<ChecklistAssessment?> PreviousAsync(AppDbContext db, ChecklistAssessment current, string templateName, CancellationToken ct)
    {
        var templateIds = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Name == templateName).Select(t => t.Id).ToListAsync(ct);
        var earlier = await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers)
            .Where(a => templateIds.Contains(a.TemplateId) && a.DepartmentId == current.DepartmentId && a.FiscalYear < current.FiscalYear)
            .ToListAsync(ct);
        return Previous(current, earlier, templateIds);
    }

    /// <summary>前回 among <paramref name="candidates"/> (assessments of templates in <paramref name="series"/>); see <see cref="PreviousAsync"/>.</summary>
    public static ChecklistAssessment? Previous(ChecklistAssessment current, IEnumerable<ChecklistAssessment> candidates, ICollection<Guid> series) =>
        candidates.Where(a => series.Contains(a.TemplateId) && a.DepartmentId == current.DepartmentId && a.FiscalYear < current.FiscalYear)
            .OrderByDescending(a => a.FiscalYear).ThenByDescending(a => a.IsClosed).FirstOrDefault();

    /// <summary>今回 / 前回 item by item (items matched by number).</summary>
    public static List<ItemComparison> Compare(IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, int?> current, IReadOnlyDictionary<string, int?>? previous) =>
        items.Select(item =>
        {
            var now = current.GetValueOrDefault(item.Number);
            var before = previous?.GetValueOrDefault(item.Number);
            var change = before is null || now is null ? ItemChange.New
                : now == before ? ItemChange.Same
                // 該当しない is neither better nor worse than an answer; it is shown as a change of its own.
                : now == ChecklistScore.NotApplicable || before == ChecklistScore.NotApplicable ? ItemChange.New
                : now > before ? ItemChange.Better : ItemChange.Worse;
            return new ItemComparison(item, now, before, change);
        }).ToList();

    /// <summary>"改善", "低下", "－" …</summary>
    public static string JapaneseName(this ItemChange change) => change switch
    {
        ItemChange.Better => "改善",
        ItemChange.Worse => "低下",
        ItemChange.Same => "変化なし",
        _ => "－",
    };
}
