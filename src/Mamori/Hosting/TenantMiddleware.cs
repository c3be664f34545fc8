using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Hosting;

/// <summary>Sets the request's <see cref="CurrentTenant"/> from the signed-in user, after authentication.</summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentTenant tenant, AppDbContext db, TimeProvider clock)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.MunicipalityId() is { } municipality)
        {
            var role = user.Role();
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
            // A call with an API token is recorded with the token's name, so the trail tells a program's changes from the person's.
            var token = user.FindFirstValue(TokenAuthenticationHandler.NameClaim);
            var actor = token is null ? $"{user.ShownName()}（{user.Identity.Name}）" : $"{user.ShownName()}（{user.Identity.Name}・API トークン「{token}」）";
            tenant.SetUser(
                userId,
                actor.Length <= 200 ? actor : actor[..199] + "…",
                municipality,
                user.DepartmentId(),
                restrictToDepartment: role == UserRole.Department);
            if (role == UserRole.Member)
            {
                tenant.RestrictToCouncils(await MemberCouncilsAsync(db, userId, JapanTime.Today(clock), context.RequestAborted));
            }
        }
        await next(context);
    }

    /// <summary>
    /// The councils a 委員 account sits on today or will (an appointment not yet begun already receives the
    /// materials); a former member sees nothing new.
    /// </summary>
    private static async Task<List<Guid>> MemberCouncilsAsync(AppDbContext db, string userId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.CouncilMembers.AsNoTracking().Where(m => m.UserId == userId && m.TermEnd >= today)
            .Select(m => new { m.CouncilId, m.LeftOn }).ToListAsync(ct);
        return rows.Where(r => r.LeftOn is null || r.LeftOn >= today).Select(r => r.CouncilId).ToList();
    }
}
