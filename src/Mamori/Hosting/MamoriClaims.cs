using System.Security.Claims;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mamori.Hosting;

/// <summary>The claims Mamori puts in a sign-in: municipality, department and display name beside the role.</summary>
public static class MamoriClaims
{
    public const string Municipality = "mamori:municipality";
    public const string Department = "mamori:department";
    public const string DisplayName = "mamori:name";

    /// <summary>Present while the account still has a password 管理者 issued (see <see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePassword = "mamori:must-change-password";

    public static Guid? MunicipalityId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Municipality), out var id) ? id : null;

    public static Guid? DepartmentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Department), out var id) ? id : null;

    public static UserRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string ShownName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;
}

/// <summary>Builds a signed-in principal from an <see cref="AppUser"/>; also used for API tokens.</summary>
public sealed class MamoriClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(MamoriClaims.Municipality, user.MunicipalityId.ToString()));
        identity.AddClaim(new Claim(MamoriClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MamoriClaims.MustChangePassword, "1"));
        }
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(MamoriClaims.Department, department.ToString()));
        }
        return identity;
    }
}
