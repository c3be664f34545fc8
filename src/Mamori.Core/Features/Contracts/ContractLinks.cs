using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Contracts;

/// <summary>A contract as a linked record shows it: title, contractor, period and whether anything is wrong with it.</summary>
public sealed record LinkedContract(Guid Id, string Title, string Contractor, string Period, int Problems);

/// <summary>
/// The contracts a register file, a PIA business or a review case rests on, so that those pages link to the contract
/// instead of retyping it; and the records a contract's form offers to link.
/// </summary>
public static class ContractLinks
{
    public static Task<List<LinkedContract>> ForRegisterFileAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct) =>
        LoadAsync(db, db.Contracts.Where(c => c.RegisterFileIds.Contains(id)), today, ct);

    public static Task<List<LinkedContract>> ForAssessedBusinessAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct) =>
        LoadAsync(db, db.Contracts.Where(c => c.AssessedBusinessIds.Contains(id)), today, ct);

    public static Task<List<LinkedContract>> ForReviewCaseAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct) =>
        LoadAsync(db, db.Contracts.Where(c => c.ReviewCaseIds.Contains(id)), today, ct);

    private static async Task<List<LinkedContract>> LoadAsync(AppDbContext db, IQueryable<Contract> contracts, DateOnly today, CancellationToken ct)
    {
        var overview = await ContractOverview.BuildAsync(db, today, contracts, ct);
        return overview.Contracts.Select(c => new LinkedContract(c.Id, c.Title, c.Contractor, ContractOverview.Period(c), overview.Problems(c).Count)).ToList();
    }

    /// <summary>The review cases a contract may rest on: those with a contracting type (外部委託, 指定管理, 派遣).</summary>
    public static async Task<Dictionary<Guid, string>> ReviewCasesAsync(AppDbContext db, CancellationToken ct)
    {
        var contracting = new[] { HandlingType.Outsourcing, HandlingType.DesignatedManagement, HandlingType.WorkerDispatch };
        var caseIds = await db.SelfInspections.AsNoTracking().Where(s => contracting.Contains(s.Type)).Select(s => s.CaseId).Distinct().ToListAsync(ct);
        var cases = await db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderByDescending(c => c.Number).Select(c => new { c.Id, c.Number, c.Title })
            .ToListAsync(ct);
        return cases.ToDictionary(c => c.Id, c => c.Number is { } n ? $"案件{n} {c.Title}" : c.Title);
    }
}
