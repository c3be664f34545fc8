using System.Text;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : MamoriPageModel
{
    public bool Enabled { get; private set; }
    public string FormattedKey { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = AccountsSetup.NormalizeCode(Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "確認コードが正しくありません。キーを入力し直したか、端末の時刻が合っているかを確かめてください。");
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        Flash("二要素認証を有効にしました。次回のログインから確認コードが必要です。");
        return Redirect("/account/two-factor");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.CheckPasswordAsync(user, Password ?? string.Empty))
        {
            ModelState.AddModelError(nameof(Password), "パスワードが正しくありません。");
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Flash("二要素認証を無効にしました。");
        return Redirect("/account/two-factor");
    }

    /// <summary>Creates the key for the authenticator app (a GET only shows it: it changes nothing).</summary>
    public async Task<IActionResult> OnPostCreateKeyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            // Creating a key renews the security stamp; refresh so that this session stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return Redirect("/account/two-factor");
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        SetTitle("二要素認証", new Crumb("アカウント設定", "/account/security"));
        Enabled = user.TwoFactorEnabled;
        if (!Enabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Mamori:" + user.UserName)}?secret={key}&issuer=Mamori&digits=6";
        }
        return Page();
    }
}
