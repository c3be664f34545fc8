using System.ComponentModel.DataAnnotations;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Core.Data.AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "現在のパスワードを入力してください。")]
        [DataType(DataType.Password)]
        public string? Current { get; set; }

        [Required(ErrorMessage = "新しいパスワードを入力してください。")]
        [DataType(DataType.Password)]
        public string? New { get; set; }

        [DataType(DataType.Password)]
        public string? Confirm { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>True when the account must replace a password 管理者 issued before doing anything else.</summary>
    public bool Required => User.HasClaim(c => c.Type == MamoriClaims.MustChangePassword);

    public void OnGet() => SetTitle("パスワード変更", new Crumb("アカウント設定", "/account/security"));

    public async Task<IActionResult> OnPostAsync()
    {
        SetTitle("パスワード変更", new Crumb("アカウント設定", "/account/security"));
        if (Input.New != Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", "確認用のパスワードが一致しません。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New", e.Description);
            }
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // Other browsers and API tokens signed in with the old password stop working; this browser signs in anew.
        var revoked = await EndSignIns.RunAsync(db, user.Id, SessionEnd.PasswordChanged, tokens: true, clock, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        Flash(revoked == 0
            ? "パスワードを変更しました。ほかの端末のログインは終了しました。"
            : $"パスワードを変更しました。ほかの端末のログインは終了し、API トークン{revoked}件を失効させました。必要なら発行し直してください。");
        return Redirect("/account/security");
    }
}
