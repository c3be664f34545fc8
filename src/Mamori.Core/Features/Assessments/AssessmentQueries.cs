using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Assessments;

/// <summary>A row of the PIA dashboard.</summary>
public sealed record DashboardRow(AssessedBusiness Business, string DepartmentName, BusinessPosition Position);

/// <summary>Reads for the PIA pages and API, in the caller's scope (所管課 see their own businesses).</summary>
public static class AssessmentQueries
{
    /// <summary>Every business with its position on <paramref name="today"/>: overdue first, then by the next due date.</summary>
    public static async Task<List<DashboardRow>> DashboardAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var businesses = await db.AssessedBusinesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var evaluations = await db.Assessments.AsNoTracking().ToListAsync(ct);
        var answered = await AssessmentWorkflow.AnsweredOnAsync(db, evaluations, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var byBusiness = evaluations.ToLookup(e => e.BusinessId);
        return businesses
            .Select(b => new DashboardRow(b, departments.GetValueOrDefault(b.DepartmentId, ""), AssessmentObligations.Of(b, byBusiness[b.Id].ToList(), answered, today)))
            .OrderBy(r => r.Position.Next is null ? 2 : r.Position.Next.State == ObligationState.Overdue ? 0 : 1)
            .ThenBy(r => r.Position.Next?.DueOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.Business.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One business with its evaluations (newest first), changes, documents and position.</summary>
    public sealed record BusinessView(AssessedBusiness Business, string DepartmentName, BusinessPosition Position, IReadOnlyList<Assessment> Evaluations,
        IReadOnlyList<AssessmentChange> Changes, IReadOnlyList<AssessmentDocument> Documents, IReadOnlyList<(Guid Id, string Number, string Name)> Files);

    public static async Task<BusinessView?> BusinessAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var business = await db.AssessedBusinesses.AsNoTracking().Include(b => b.Files).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (business is null)
        {
            return null;
        }
        var evaluations = await db.Assessments.AsNoTracking().Where(a => a.BusinessId == id).OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var answered = await AssessmentWorkflow.AnsweredOnAsync(db, evaluations, ct);
        var changes = await db.AssessmentChanges.AsNoTracking().Where(c => c.BusinessId == id).OrderByDescending(c => c.PlannedOn).ToListAsync(ct);
        var documents = await db.AssessmentDocuments.AsNoTracking().Where(d => d.BusinessId == id).OrderByDescending(d => d.Number).ToListAsync(ct);
        var fileIds = business.Files.Select(f => f.FileId).ToList();
        var files = await db.PersonalInfoFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).OrderBy(f => f.FileNumber)
            .Select(f => new { f.Id, f.FileNumber, f.Name }).ToListAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == business.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        return new BusinessView(business, department, AssessmentObligations.Of(business, evaluations, answered, today), evaluations, changes, documents,
            files.Select(f => (f.Id, f.FileNumber, f.Name)).ToList());
    }
}
