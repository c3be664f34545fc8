using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : MamoriPageModel
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

    /// <summary>Renews the security stamp: every cookie issued before now fails validation on its next request.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        Flash("すべての端末からログアウトしました。もう一度ログインしてください。");
        return Redirect("/account/login");
    }
}
