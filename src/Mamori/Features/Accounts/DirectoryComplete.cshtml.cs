using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Accounts.DirectorySignIn;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

/// <summary>
/// Where the directory's answer lands once the OpenID Connect handler checked it (state, nonce, PKCE, signature, issuer,
/// audience): the account is made or brought up to date from the group table, and the Mamori sign-in starts.
/// </summary>
[AllowAnonymous]
public sealed class DirectoryCompleteModel(AppDbContext db, DirectorySchemes directory, SignInManager<AppUser> signIn, UserManager<AppUser> users,
    CurrentTenant tenant, TimeProvider clock, SecurityEvents events) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where the page sends the browser on (a same-site navigation, so the Strict sign-in cookie goes with it).</summary>
    public string Next { get; private set; } = "/";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SetTitle("ディレクトリでログイン");
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties?.Items.TryGetValue(DirectorySchemes.Claim, out var code) != true || code is null
            || await directory.EnsureAsync(db, code, ct) is not { } snapshot)
        {
            return Redirect("/account/login?directory=failed");
        }
        var c = snapshot.Connection;
        var principal = external.Principal!;
        // The ID token's claims carry their issuer: only this municipality's directory is believed.
        var subject = principal.Claims.FirstOrDefault(x => x.Type == c.UserIdClaim && SameIssuer(x.Issuer, c.Issuer))?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            await events.DirectoryFailedAsync(HttpContext, snapshot.MunicipalityId, null, $"ユーザーIDのクレーム「{c.UserIdClaim}」がない");
            Problem = $"ディレクトリの応答に、ユーザーIDのクレーム「{c.UserIdClaim}」がありませんでした。管理者に連絡してください。";
            return Page();
        }
        var who = new DirectoryIdentity(
            subject,
            principal.FindFirstValue(c.NameClaim),
            principal.FindFirstValue(c.MailClaim),
            principal.FindAll(c.GroupsClaim).Select(g => g.Value).Distinct(StringComparer.Ordinal).ToList());
        var outcome = await DirectoryLogin.RunAsync(db, users, tenant, snapshot.MunicipalityId, who, ct);
        if (!outcome.Ok)
        {
            await events.DirectoryFailedAsync(HttpContext, snapshot.MunicipalityId, subject, "Mamori を使うグループがない、または利用停止中");
            Problem = outcome.Describe();
            return Page();
        }
        var user = outcome.Value!;
        var properties = new AuthenticationProperties();
        if (external.Properties!.GetTokenValue("id_token") is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(DirectorySchemes.Claim, snapshot.Code)]);
        await LoginModel.RecordLoginAsync(users, tenant, clock, user);
        Next = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";
        return Page();
    }

    private static bool SameIssuer(string claimIssuer, string configured) =>
        string.Equals(claimIssuer.TrimEnd('/'), configured.TrimEnd('/'), StringComparison.Ordinal);
}
