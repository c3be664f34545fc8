using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Staff;

/// <summary>A row of the staff list, and the filter shared by the page, its CSV export and the API.</summary>
public sealed record StaffRow(Guid Id, string EmployeeNumber, string Name, string? NameKana, Guid DepartmentId, string Department,
    StaffStatus Status, DateOnly? StartDate, DateOnly? EndDate, bool OnLeaveNow);

public static class StaffList
{
    /// <summary>
    /// The staff visible to the current user (all of the municipality, or a 所管課's own), filtered by a
    /// keyword matched after NFKC folding against number, name and kana.
    /// </summary>
    public static async Task<List<StaffRow>> LoadAsync(AppDbContext db, string? keyword, Guid? departmentId, StaffStatus? status, DateOnly today, CancellationToken ct)
    {
        var departments = (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);
        var query = db.Staff.AsNoTracking();
        if (departmentId is { } dep)
        {
            query = query.Where(s => s.DepartmentId == dep);
        }
        if (status is { } st)
        {
            query = query.Where(s => s.Status == st);
        }
        var rows = await query
            .OrderBy(s => s.EmployeeNumber)
            .Select(s => new
            {
                s.Id,
                s.EmployeeNumber,
                s.Name,
                s.NameKana,
                s.DepartmentId,
                s.Status,
                s.StartDate,
                s.EndDate,
                OnLeave = s.Absences.Any(a => a.Start <= today && (a.End == null || a.End >= today)),
            })
            .ToListAsync(ct);
        var key = SearchKey.Normalize(keyword);
        return rows
            .Where(r => key.Length == 0 || SearchKey.Normalize($"{r.EmployeeNumber} {r.Name} {r.NameKana}").Contains(key, StringComparison.Ordinal))
            .Select(r => new StaffRow(r.Id, r.EmployeeNumber, r.Name, r.NameKana, r.DepartmentId,
                departments.GetValueOrDefault(r.DepartmentId, "（不明）"), r.Status, r.StartDate, r.EndDate, r.OnLeave))
            .ToList();
    }
}
