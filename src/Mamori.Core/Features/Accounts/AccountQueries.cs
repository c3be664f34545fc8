using Mamori.Core.Data;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// Accounts of the current municipality. Identity needs to find any account by name at login, so
/// the users table has no global query filter; every read of accounts for a page or API goes
/// through <see cref="TenantUsers"/> instead.
/// </summary>
public static class AccountQueries
{
    /// <summary>The current municipality's accounts (all accounts for the system actor).</summary>
    public static IQueryable<AppUser> TenantUsers(this AppDbContext db)
    {
        var tenant = db.Tenant;
        if (tenant.IsSystem)
        {
            return db.Users;
        }
        var municipality = tenant.MunicipalityId ?? Guid.Empty;
        return db.Users.Where(u => u.MunicipalityId == municipality);
    }
}
