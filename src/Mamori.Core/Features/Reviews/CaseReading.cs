using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reviews;

/// <summary>Reading one case: a 所管課 reads its own cases, and other departments' submitted cases once their round is reported.</summary>
public static class CaseReading
{
    public static async Task<ReviewCase?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var own = await ReviewWorkflow.LoadCaseAsync(db, id, ct);
        if (own is not null || !db.Tenant.RestrictToDepartment)
        {
            return own;
        }
        var reported = db.ReviewRounds.Where(r => r.Status == RoundStatus.Reported).Select(r => r.Id);
        return await db.ReviewCases.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
            .Include(c => c.Inspections).Include(c => c.Entries).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id && c.Status != CaseStatus.Draft && reported.Contains(c.RoundId), ct);
    }

    /// <summary>Whether the acting user may change the case: 事務局 always, a 所管課 only its own (other departments read reported rounds only).</summary>
    public static bool IsOwn(AppDbContext db, ReviewCase reviewCase) => !db.Tenant.RestrictToDepartment || reviewCase.DepartmentId == db.Tenant.DepartmentId;

    /// <summary>Questions still without an answer, on cases that are not withdrawn (within the caller's scope).</summary>
    public static IQueryable<CaseEntry> OpenQuestions(AppDbContext db) =>
        db.CaseEntries.Where(q => q.Kind == EntryKind.Question
            && !db.CaseEntries.Any(a => a.Kind == EntryKind.Answer && a.ReplyToId == q.Id)
            && db.ReviewCases.Any(c => c.Id == q.CaseId && c.Status != CaseStatus.Withdrawn));

    /// <summary>The template versions a case's self-inspections were answered against.</summary>
    public static async Task<Dictionary<Guid, InspectionTemplate>> TemplatesAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct)
    {
        var ids = reviewCase.Inspections.Select(i => i.TemplateId).Distinct().ToList();
        return await db.InspectionTemplates.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
    }
}
