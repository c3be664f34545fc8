using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts;

/// <summary>An account's editable fields and the concurrency stamp the editor loaded.</summary>
/// <remarks><see cref="Email"/>: the address notices are mailed to; null leaves it as it is, blank removes it.</remarks>
public sealed record AccountChanges(string? DisplayName, UserRole Role, Guid? DepartmentId, Guid? StaffId, string? ConcurrencyStamp, string? Email = null,
    bool? IsSupervisor = null);

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
        AccountEmail.Check(errors, input.Email);
        if (input.IsSupervisor == true && input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "所属長のアカウントには、長を務める部署を選んでください。");
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
        if (input.Email is not null)
        {
            AccountEmail.Set(user, input.Email);
        }
        user.IsSupervisor = input.IsSupervisor ?? user.IsSupervisor;
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

/// <summary>The address an account's notices are mailed to (set by 管理者, or by the account itself).</summary>
public static class AccountEmail
{
    public static void Check(FieldErrors errors, string? email)
    {
        var e = email?.Trim();
        if (string.IsNullOrEmpty(e))
        {
            return;
        }
        if (e.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(e, out var parsed) || parsed.Address != e)
        {
            errors.Add("Email", "メールアドレスを「kojinjoho@city.example.lg.jp」のような形で入力してください。");
        }
    }

    public static void Set(AppUser user, string? email)
    {
        var e = email?.Trim();
        user.Email = string.IsNullOrEmpty(e) ? null : e;
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        user.EmailConfirmed = false;
    }
}
