using System.ComponentModel.DataAnnotations;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, CurrentTenant tenant, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "ユーザー名を入力してください。")]
        [Display(Name = "ユーザー名")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "パスワードを入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => SetTitle("ログイン");

    public async Task<IActionResult> OnPostAsync()
    {
        SetTitle("ログイン");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty,
                $"このアカウントはロックされているか、利用停止中です。{AccountsSetup.LockoutDuration.TotalMinutes}分ほど待ってからもう一度お試しください。続く場合は管理者に連絡してください。");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "ユーザー名またはパスワードが正しくありません。");
            return Page();
        }
        await RecordLoginAsync(users, tenant, clock, Input.UserName.Trim());
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Stamps the last login (which the long-absence check reads), acting as the user who logged in.</summary>
    internal static async Task RecordLoginAsync(UserManager<AppUser> users, CurrentTenant tenant, TimeProvider clock, string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return;
        }
        tenant.SetUser(user.Id, $"{user.DisplayName}（{user.UserName}）", user.MunicipalityId, user.DepartmentId, user.Role == UserRole.Department);
        user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    internal string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/account/log", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}
