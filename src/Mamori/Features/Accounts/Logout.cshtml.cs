using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : MamoriPageModel
{
    public void OnGet() => SetTitle("ログアウト");

    public async Task<IActionResult> OnPostAsync()
    {
        await ServerSessions.EndCurrentAsync(HttpContext, SessionEnd.LoggedOut);
        await signIn.SignOutAsync();
        Flash("ログアウトしました。");
        return Redirect("/account/login");
    }
}
