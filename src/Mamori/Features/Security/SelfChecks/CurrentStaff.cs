using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.SelfChecks;

/// <summary>The member of staff the signed-in account is linked to (self-checks are answered by people, not accounts).</summary>
internal static class CurrentStaff
{
    public static async Task<Core.Features.Organization.Staff?> FindAsync(AppDbContext db, CancellationToken ct)
    {
        var userId = db.Tenant.UserId;
        var staffId = await db.TenantUsers().Where(u => u.Id == userId).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
        return staffId is { } id ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
    }
}
