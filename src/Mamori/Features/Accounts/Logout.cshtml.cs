using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

/// <summary>
/// Ends the Mamori session; a sign-in made through the directory also ends the directory's session when the directory
/// offers that and the municipality wants it (RP-initiated logout, with the ID token as the hint).
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDbContext db, DirectorySchemes directory) : MamoriPageModel
{
    public void OnGet() => SetTitle("ログアウト");

    /// <summary>The directory's end-session address, when the logout goes on there.</summary>
    public string? DirectoryNext { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = User.FindFirstValue(DirectorySchemes.Claim);
        var idToken = code is null ? null : await HttpContext.GetTokenAsync("id_token");
        await ServerSessions.EndCurrentAsync(HttpContext, SessionEnd.LoggedOut);
        await signIn.SignOutAsync();
        if (code is not null && idToken is not null && await directory.EnsureAsync(db, code, ct) is { Connection.SignOutAtDirectory: true } snapshot)
        {
            var properties = new AuthenticationProperties { RedirectUri = "/account/login", Items = { [DirectoryOptions.LogoutHint] = idToken } };
            DirectoryNext = await DirectoryModel.HandOffAsync(HttpContext, () => HttpContext.SignOutAsync(snapshot.Scheme, properties));
            if (DirectoryNext.StartsWith('/'))
            {
                return Redirect(DirectoryNext);
            }
            SetTitle("ログアウト");
            return Page();
        }
        Flash("ログアウトしました。");
        return Redirect("/account/login");
    }
}
