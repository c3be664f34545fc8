using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Core.Data.AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public string UserName { get; private set; } = string.Empty;
    public string RoleName { get; private set; } = string.Empty;
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        SetTitle("アカウント設定");
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        UserName = user.UserName ?? string.Empty;
        RoleName = user.Role.JapaneseName();
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    /// <summary>
    /// Ends every sign-in of the account and revokes its API tokens, and renews the security stamp: every cookie
    /// issued before now fails on its next request.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var revoked = await EndSignIns.RunAsync(db, user.Id, SessionEnd.Everywhere, tokens: true, clock, HttpContext.RequestAborted);
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        Flash(revoked == 0
            ? "すべての端末からログアウトしました。もう一度ログインしてください。"
            : $"すべての端末からログアウトし、API トークン{revoked}件を失効させました。もう一度ログインしてください。");
        return Redirect("/account/login");
    }
}
