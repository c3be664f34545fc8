using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts;

/// <summary>An account's editable fields and the concurrency stamp the editor loaded.</summary>
public sealed record AccountChanges(string? DisplayName, UserRole Role, Guid? DepartmentId, Guid? StaffId, string? ConcurrencyStamp);

/// <summary>Changes an account's name, role, department or staff link; the municipality keeps at least one 管理者.</summary>
public static class UpdateAccount
{
    public static async Task<Outcome<AppUser>> RunAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, AccountChanges input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("DisplayName", input.DisplayName, "表示名"))
        {
            errors.MaxLength("DisplayName", input.DisplayName, 100, "表示名");
        }
        if (input.Role == UserRole.Department && input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "所管課のアカウントには所属する部署を選んでください。");
        }
        if (input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.MunicipalityId == user.MunicipalityId, ct))
        {
            errors.Add("DepartmentId", "選ばれた部署はこの団体にありません。");
        }
        if (input.StaffId is { } staffId && !await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(s => s.Id == staffId && s.MunicipalityId == user.MunicipalityId, ct))
        {
            errors.Add("StaffId", "選ばれた職員はこの団体にいません。");
        }
        if (user.Role == UserRole.Admin && input.Role != UserRole.Admin &&
            !await db.Users.AnyAsync(u => u.MunicipalityId == user.MunicipalityId && u.Role == UserRole.Admin && u.Id != user.Id && u.SuspendedAt == null, ct))
        {
            errors.Add("Role", "この団体の管理者はこのアカウントだけです。先に別の管理者を作成してから役割を変更してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<AppUser>();
        }

        user.ConcurrencyStamp = input.ConcurrencyStamp ?? user.ConcurrencyStamp;
        user.DisplayName = input.DisplayName!.Trim();
        user.Role = input.Role;
        user.DepartmentId = input.DepartmentId;
        user.StaffId = input.StaffId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                errors.Add("", e.Description);
            }
            return errors.Fail<AppUser>();
        }
        return Outcome<AppUser>.Success(user);
    }
}
