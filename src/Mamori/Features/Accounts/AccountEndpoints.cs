using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Accounts;

/// <summary>/api/v1/me: who the caller is.</summary>
public static class AccountEndpoints
{
    public sealed record MunicipalityInfo(string Code, string Name);

    public sealed record MeResponse(string UserName, string DisplayName, string Role, string RoleName, MunicipalityInfo Municipality, Guid? DepartmentId);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).RequireAuthorization(Policies.SignedIn).WithTags("アカウント").WithSummary("ログイン中のアカウント");
        return api;
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMe(
        HttpContext http, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var m = await db.Municipalities.AsNoTracking().FirstAsync(x => x.Id == user.MunicipalityId, ct);
        return TypedResults.Ok(new MeResponse(user.UserName!, user.DisplayName, user.Role.ToString(), user.Role.JapaneseName(),
            new MunicipalityInfo(m.Code, m.Name), user.DepartmentId));
    }
}
