using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>An assessment with everything its pages show: template, unit, scores, 前回 and the comparison.</summary>
public sealed record AssessmentView(ChecklistAssessment Assessment, ChecklistTemplate Template, string Unit, ChecklistScores Scores,
    ChecklistAssessment? Previous, ChecklistScores? PreviousScores, IReadOnlyList<ItemComparison> Comparison, IReadOnlyList<string> Blockers)
{
    public FiscalYear Year => new(Assessment.FiscalYear);
    public string PreviousName => Previous is null ? "前回" : $"前回（{new FiscalYear(Previous.FiscalYear).ToWareki()}）";
    public ChecklistAnswer? AnswerOf(string number) => Assessment.Answers.FirstOrDefault(a => a.ItemNumber == number);

    public static async Task<AssessmentView?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return null;
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var unit = assessment.DepartmentId is { } d ? (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(d, "") : "団体全体";
        var previous = await Checklists.PreviousAsync(db, assessment, template.Name, ct);
        var items = template.Items;
        return new AssessmentView(assessment, template, unit, ChecklistScore.Compute(items, assessment.Values), previous,
            previous is null ? null : ChecklistScore.Compute(items, previous.Values), Checklists.Compare(items, assessment.Values, previous?.Values),
            Checklists.Blockers(template, assessment));
    }
}
