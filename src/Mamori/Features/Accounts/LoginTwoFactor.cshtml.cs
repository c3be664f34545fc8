using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, CurrentTenant tenant, TimeProvider clock,
    LoginThrottle throttle, SecurityEvents events) : MamoriPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        SetTitle("二要素認証");
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetTitle("二要素認証");
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/login");
        }
        var code = AccountsSetup.NormalizeCode(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "確認コードを入力してください。");
            return Page();
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var key = LoginModel.ThrottleKey(user.MunicipalityId.ToString(), user.UserName!);
        var wait = await throttle.WaitAsync(db, address, key, ct);
        if (wait > TimeSpan.Zero)
        {
            ModelState.AddModelError(string.Empty, $"確認コードの誤りが続いたため、{Math.Ceiling(wait.TotalSeconds)}秒待ってからもう一度お試しください。");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "失敗が続いたため、アカウントがロックされました。しばらく待ってからもう一度お試しください。");
            return Page();
        }
        if (!result.Succeeded)
        {
            await throttle.FailedAsync(db, address, key, ct);
            await events.LoginFailedAsync(HttpContext, user.UserName!, "確認コード", user, user.MunicipalityId);
            ModelState.AddModelError(nameof(Code), "確認コードが正しくないか、既に使われています。認証アプリの最新のコードを入力してください。");
            return Page();
        }
        await throttle.SucceededAsync(db, address, key, ct);
        await LoginModel.RecordLoginAsync(users, tenant, clock, user);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
