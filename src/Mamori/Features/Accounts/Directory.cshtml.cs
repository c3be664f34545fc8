using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

/// <summary>Starts a sign-in at the municipality's directory (the login page's ディレクトリでログイン button).</summary>
[AllowAnonymous]
public sealed class DirectoryModel(AppDbContext db, DirectorySchemes directory) : MamoriPageModel
{
    [BindProperty]
    public string? MunicipalityCode { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Redirect("/account/login");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var several = await SignInAccounts.AskCodeAsync(db, ct);
        var municipality = await SignInAccounts.MunicipalityAsync(db, MunicipalityCode, several, ct);
        var snapshot = municipality is null ? null : await directory.EnsureAsync(db, municipality.Code, ct);
        if (snapshot is null)
        {
            Flash(string.IsNullOrWhiteSpace(MunicipalityCode) && several
                ? "ディレクトリでログインするには、団体コードを入力してください。"
                : "この団体はディレクトリでのログインを使っていません。ユーザー名とパスワードでログインしてください。", error: true);
            return Redirect("/account/login");
        }
        var back = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var properties = new AuthenticationProperties
        {
            RedirectUri = $"/account/directory/complete?returnUrl={Uri.EscapeDataString(back)}",
            Items = { [DirectorySchemes.Claim] = snapshot.Code },
        };
        Response.Cookies.Append(LoginModel.CodeCookie, snapshot.Code, LoginModel.CodeCookieOptions(Request));
        Next = await HandOffAsync(HttpContext, () => HttpContext.ChallengeAsync(snapshot.Scheme, properties));
        SetTitle("ディレクトリでログイン");
        return Page();
    }

    /// <summary>The directory's address the browser goes on to.</summary>
    public string Next { get; private set; } = string.Empty;

    /// <summary>
    /// Runs a step that redirects to the directory and turns its redirect into a page that moves on by itself: the form
    /// was posted to this site, and the page's policy (form-action 'self') would stop a form's redirect to another one.
    /// </summary>
    internal static async Task<string> HandOffAsync(HttpContext context, Func<Task> redirecting)
    {
        await redirecting();
        var next = context.Response.Headers.Location.ToString();
        context.Response.Headers.Remove("Location");
        context.Response.StatusCode = StatusCodes.Status200OK;
        return next;
    }
}
