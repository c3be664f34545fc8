using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Organization;

/// <summary>Runs <see cref="LongAbsenceCheck"/> over the current municipality's active accounts.</summary>
public static class ListLongAbsence
{
    public static async Task<IReadOnlyList<LongAbsenceCandidate>> RunAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accounts = await db.TenantUsers().AsNoTracking()
            .Where(u => u.SuspendedAt == null)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.CreatedAt, u.LastLoginAt, u.StaffId })
            .ToListAsync(ct);
        var staffIds = accounts.Where(a => a.StaffId != null).Select(a => a.StaffId!.Value).ToList();
        var staff = await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
            .Where(s => staffIds.Contains(s.Id))
            .Include(s => s.Absences)
            .ToDictionaryAsync(s => s.Id, ct);

        var activity = accounts.Select(a => new AccountActivity(a.Id, a.UserName ?? string.Empty, a.DisplayName, a.CreatedAt, a.LastLoginAt,
            a.StaffId is { } id && staff.TryGetValue(id, out var s)
                ? new StaffSituation(s.Name, s.Status, s.EndDate, s.Absences.Select(x => (x.Start, x.End)).ToList())
                : null));
        return LongAbsenceCheck.Find(activity, JapanTime.Today(clock));
    }
}
