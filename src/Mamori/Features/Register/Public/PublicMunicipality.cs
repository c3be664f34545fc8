using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register.Public;

/// <summary>Public pages (no login) find their municipality by 団体コード and act within it only.</summary>
public static class PublicMunicipality
{
    public static async Task<Municipality?> EnterAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var municipality = await db.Municipalities.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct);
        if (municipality is not null)
        {
            db.Tenant.SetPublic(municipality.Id);
        }
        return municipality;
    }
}
