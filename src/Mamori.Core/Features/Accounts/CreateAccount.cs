using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts;

/// <summary>What is needed to create an account.</summary>
public sealed record NewAccount(Guid MunicipalityId, string? UserName, string? DisplayName, UserRole Role, Guid? DepartmentId, Guid? StaffId, string? Password, string? Email = null,
    bool IsSupervisor = false);

/// <summary>
/// Creates an account in one municipality with Identity's password and user-name rules. A 所管課
/// account must name a department of the same municipality.
/// </summary>
public static class CreateAccount
{
    public static async Task<Outcome<AppUser>> RunAsync(AppDbContext db, UserManager<AppUser> users, NewAccount input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("UserName", input.UserName, "ユーザー名");
        if (errors.Required("DisplayName", input.DisplayName, "表示名"))
        {
            errors.MaxLength("DisplayName", input.DisplayName, 100, "表示名");
        }
        errors.Required("Password", input.Password, "パスワード");
        AccountEmail.Check(errors, input.Email);
        if (input.IsSupervisor && input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "所属長のアカウントには、長を務める部署を選んでください。");
        }
        if (input.Role == UserRole.Department && input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "所管課のアカウントには所属する部署を選んでください。");
        }
        if (input.DepartmentId is { } departmentId &&
            !await db.Departments.IgnoreQueryFilters().AnyAsync(d => d.Id == departmentId && d.MunicipalityId == input.MunicipalityId, ct))
        {
            errors.Add("DepartmentId", "選ばれた部署はこの団体にありません。");
        }
        if (input.StaffId is { } staffId &&
            !await db.Staff.IgnoreQueryFilters().AnyAsync(s => s.Id == staffId && s.MunicipalityId == input.MunicipalityId, ct))
        {
            errors.Add("StaffId", "選ばれた職員はこの団体にいません。");
        }
        if (errors.Any)
        {
            return errors.Fail<AppUser>();
        }

        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            MunicipalityId = input.MunicipalityId,
            Role = input.Role,
            DepartmentId = input.DepartmentId,
            StaffId = input.StaffId,
            LockoutEnabled = true,
        };
        AccountEmail.Set(user, input.Email);
        user.IsSupervisor = input.IsSupervisor;
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, input.Password!);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Of(ex) is not null)
        {
            // The same name taken by another request between the check and the save: the index answers, not a 500.
            db.Entry(user).State = EntityState.Detached;
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(user.UserName));
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "UserName", e.Description);
            }
            return errors.Fail<AppUser>();
        }
        return Outcome<AppUser>.Success(user);
    }
}
