using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Accounts;

[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public UserRole Role { get; set; } = UserRole.Department;
        public Guid? DepartmentId { get; set; }
        public bool IsSupervisor { get; set; }
        public Guid? StaffId { get; set; }
        public string? Password { get; set; }
        public string? ConcurrencyStamp { get; set; }
    }

    public sealed record StaffChoice(Guid Id, string Label);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public string? Id { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public bool TwoFactorEnabled { get; private set; }
    public bool Suspended { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<StaffChoice> StaffOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var user = await Find(id, ct);
            if (user is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                DisplayName = user.DisplayName,
                Email = user.Email,
                Role = user.Role,
                DepartmentId = user.DepartmentId,
                IsSupervisor = user.IsSupervisor,
                StaffId = user.StaffId,
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (id is null)
        {
            var created = await CreateAccount.RunAsync(db, users,
                new NewAccount(db.Tenant.MunicipalityId!.Value, Input.UserName, Input.DisplayName, Input.Role, Input.DepartmentId, Input.StaffId, Input.Password, Input.Email, Input.IsSupervisor), ct);
            if (!created.Ok)
            {
                AddErrors(created);
                return await PrepareAsync(id, ct);
            }
            // The password 管理者 typed is known to two people: the first sign-in replaces it.
            created.Value!.MustChangePassword = true;
            await users.UpdateAsync(created.Value);
            Flash($"アカウント「{created.Value.UserName}」を作成しました。最初のログインでパスワードの変更を求めます。");
            return Redirect("/organization/accounts");
        }

        var user = await Find(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        var updated = await UpdateAccount.RunAsync(db, users, user,
            new AccountChanges(Input.DisplayName, Input.Role, Input.DepartmentId, Input.StaffId, Input.ConcurrencyStamp, Input.Email ?? string.Empty, Input.IsSupervisor), ct);
        if (!updated.Ok)
        {
            AddErrors(updated);
            return await PrepareAsync(id, ct);
        }
        Flash($"アカウント「{user.UserName}」を保存しました。");
        return Redirect("/organization/accounts");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "新しいパスワードを入力してください。");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, NewPassword);
            if (result.Succeeded)
            {
                user.MustChangePassword = true;
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, user.SuspendedAt is null ? null : DateTimeOffset.MaxValue);
                Flash($"アカウント「{user.UserName}」のパスワードを再設定しました。次のログインでパスワードの変更を求めます。");
                return Redirect($"/organization/accounts/edit/{id}");
            }
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), e.Description);
            }
        }
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        Flash($"アカウント「{user.UserName}」の二要素認証を解除しました。");
        return Redirect($"/organization/accounts/edit/{id}");
    }

    private Task<AppUser?> Find(string id, CancellationToken ct) => db.TenantUsers().FirstOrDefaultAsync(u => u.Id == id, ct);

    private async Task<IActionResult> PrepareAsync(string? id, CancellationToken ct)
    {
        Id = id;
        SetTitle(id is null ? "アカウントの作成" : "アカウントの編集", new Crumb("アカウント", "/organization/accounts"));
        if (id is not null && await Find(id, ct) is { } user)
        {
            UserName = user.UserName ?? string.Empty;
            TwoFactorEnabled = user.TwoFactorEnabled;
            Suspended = user.SuspendedAt is not null;
        }
        Departments = await DepartmentTree.LoadAsync(db, ct);
        StaffOptions = await db.Staff.AsNoTracking().OrderBy(s => s.EmployeeNumber)
            .Select(s => new StaffChoice(s.Id, s.EmployeeNumber + " " + s.Name)).ToListAsync(ct);
        return Page();
    }
}
