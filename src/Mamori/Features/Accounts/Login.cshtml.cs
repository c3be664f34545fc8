using System.ComponentModel.DataAnnotations;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, CurrentTenant tenant, TimeProvider clock, LoginThrottle throttle,
    SecurityEvents events) : MamoriPageModel
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
        var name = Input.UserName!.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var wait = throttle.Wait(address, name);
        if (wait > TimeSpan.Zero)
        {
            ModelState.AddModelError(string.Empty, $"ログインの失敗が続いたため、{Math.Ceiling(wait.TotalSeconds)}秒待ってからもう一度お試しください。");
            return Page();
        }
        var result = await SignInAsync(name, Input.Password!);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
        }
        if (!result.Succeeded)
        {
            throttle.Failed(address, name);
            await events.LoginFailedAsync(HttpContext, name, "ユーザー名またはパスワード");
            // One message whatever went wrong: the name, the password, a suspended account (ASVS 2.2.1, 3.2).
            ModelState.AddModelError(string.Empty, FailedMessage);
            return Page();
        }
        throttle.Succeeded(address, name);
        await RecordLoginAsync(users, tenant, clock, name);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    public const string FailedMessage = "ユーザー名またはパスワードが正しくありません。続く場合は管理者に連絡してください。";

    /// <summary>
    /// Checks the password without lockout (the throttle slows guessing instead). An unknown name and a suspended
    /// account cost a password hash as well, so the answer takes the same time whichever it was.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string name, string password)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, password);
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, password);
        }
        return result;
    }

    private static readonly AppUser Decoy = new() { DisplayName = string.Empty };
    private static readonly string DecoyHash = new PasswordHasher<AppUser>().HashPassword(Decoy, Guid.NewGuid().ToString());

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
