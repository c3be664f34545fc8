using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// User names are unique within a municipality, not across the deployment: in a shared (共同利用) deployment one
/// municipality must not learn another's account names from an "already used" message. Identity's own validator
/// checks the whole table, so it is replaced by this one.
/// </summary>
public sealed class MunicipalUserValidator(AppDbContext db, IdentityErrorDescriber describe) : IUserValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var name = user.UserName;
        var allowed = manager.Options.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            return IdentityResult.Failed(describe.InvalidUserName(name));
        }
        var normalized = manager.NormalizeName(name);
        var taken = await db.Users.IgnoreQueryFilters()
            .AnyAsync(u => u.MunicipalityId == user.MunicipalityId && u.NormalizedUserName == normalized && u.Id != user.Id);
        return taken ? IdentityResult.Failed(describe.DuplicateUserName(name)) : IdentityResult.Success;
    }
}

/// <summary>
/// The account store, with finding by name alone refused: the same name may belong to several municipalities, so a
/// sign-in looks the name up within one (<see cref="SignInAccounts"/>).
/// </summary>
public sealed class MunicipalUserStore(AppDbContext db, IdentityErrorDescriber? describer = null)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserOnlyStore<AppUser, AppDbContext>(db, describer)
{
    public override Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("ユーザー名は団体ごとに一意です。団体を決めてから SignInAccounts で探してください。");
}

/// <summary>Finding the account a sign-in names: a municipality (by its code, or the only one) and a user name in it.</summary>
public static class SignInAccounts
{
    /// <summary>Whether the login form must ask for the 団体コード: more than one municipality uses this deployment.</summary>
    public static async Task<bool> AskCodeAsync(AppDbContext db, CancellationToken ct) =>
        await db.Municipalities.IgnoreQueryFilters().Take(2).CountAsync(ct) > 1;

    /// <summary>
    /// The municipality a sign-in is for: the one with the typed code, or, when the deployment has one (<paramref name="several"/>
    /// false, from <see cref="AskCodeAsync"/>), that one.
    /// </summary>
    public static async Task<Municipality?> MunicipalityAsync(AppDbContext db, string? typedCode, bool several, CancellationToken ct)
    {
        var all = db.Municipalities.IgnoreQueryFilters();
        if (!several)
        {
            return await all.FirstOrDefaultAsync(ct);
        }
        if (string.IsNullOrWhiteSpace(typedCode))
        {
            return null;
        }
        var code = MunicipalityCode.Normalize(typedCode, out _);
        return code is null ? null : await all.FirstOrDefaultAsync(m => m.Code == code, ct);
    }

    /// <summary>The account with this name in the municipality, or null.</summary>
    public static Task<AppUser?> FindAsync(AppDbContext db, ILookupNormalizer normalizer, Guid municipalityId, string userName, CancellationToken ct)
    {
        var normalized = normalizer.NormalizeName(userName.Trim());
        return db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.MunicipalityId == municipalityId && u.NormalizedUserName == normalized, ct);
    }
}
