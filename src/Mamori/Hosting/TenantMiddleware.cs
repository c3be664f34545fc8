using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;

namespace Mamori.Hosting;

/// <summary>Sets the request's <see cref="CurrentTenant"/> from the signed-in user, after authentication.</summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentTenant tenant)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.MunicipalityId() is { } municipality)
        {
            var role = user.Role();
            tenant.SetUser(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
                $"{user.ShownName()}（{user.Identity.Name}）",
                municipality,
                user.DepartmentId(),
                restrictToDepartment: role == UserRole.Department);
        }
        return next(context);
    }
}
