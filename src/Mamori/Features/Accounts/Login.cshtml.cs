using System.ComponentModel.DataAnnotations;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, CurrentTenant tenant, TimeProvider clock,
    LoginThrottle throttle, SecurityEvents events) : MamoriPageModel
{
    /// <summary>The cookie that remembers the 団体コード last signed in with, so that it is typed once per browser.</summary>
    public const string CodeCookie = "mamori.code";

    public sealed class InputModel
    {
        [Display(Name = "団体コード")]
        public string? MunicipalityCode { get; set; }

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

    /// <summary>Whether the form asks for the 団体コード: the deployment serves more than one municipality.</summary>
    public bool AskCode { get; private set; }

    /// <summary>The directory sign-in the page offers: the known municipality's, or one for any when the code is asked.</summary>
    public DirectoryOffer? Directory { get; private set; }

    /// <summary>What the page offers besides the password form.</summary>
    public sealed record DirectoryOffer(string? Code, string? MunicipalityName, bool PasswordsOff);

    [BindProperty(SupportsGet = true, Name = "directory")]
    public string? DirectoryResult { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("ログイン");
        AskCode = await SignInAccounts.AskCodeAsync(db, ct);
        Input.MunicipalityCode = Request.Cookies[CodeCookie];
        await OfferDirectoryAsync(ct);
        if (DirectoryResult == "failed")
        {
            ModelState.AddModelError(string.Empty, "ディレクトリでのログインを完了できませんでした。もう一度お試しください。続く場合は管理者に連絡してください。");
        }
    }

    private async Task OfferDirectoryAsync(CancellationToken ct)
    {
        var known = await SignInAccounts.MunicipalityAsync(db, Input.MunicipalityCode, AskCode, ct);
        var connection = known is null ? null
            : await db.DirectoryConnections.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.MunicipalityId == known.Id && c.Enabled, ct);
        if (connection is not null)
        {
            Directory = new DirectoryOffer(known!.Code, known.Name, connection.PasswordsOff);
        }
        else if (AskCode && await db.DirectoryConnections.IgnoreQueryFilters().AnyAsync(c => c.Enabled, ct))
        {
            Directory = new DirectoryOffer(null, null, false);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetTitle("ログイン");
        AskCode = await SignInAccounts.AskCodeAsync(db, ct);
        await OfferDirectoryAsync(ct);
        if (AskCode && string.IsNullOrWhiteSpace(Input.MunicipalityCode))
        {
            ModelState.AddModelError("Input.MunicipalityCode", "団体コードを入力してください。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var name = Input.UserName!.Trim();
        // One municipality: no code is asked, and the only one is taken.
        var municipality = await SignInAccounts.MunicipalityAsync(db, Input.MunicipalityCode, AskCode, ct);
        var key = ThrottleKey(municipality?.Id.ToString() ?? "?" + Input.MunicipalityCode?.Trim(), name);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var wait = await throttle.WaitAsync(db, address, key, ct);
        if (wait > TimeSpan.Zero)
        {
            ModelState.AddModelError(string.Empty, $"ログインの失敗が続いたため、{Math.Ceiling(wait.TotalSeconds)}秒待ってからもう一度お試しください。");
            return Page();
        }
        var user = municipality is null ? null : await SignInAccounts.FindAsync(db, users.KeyNormalizer, municipality.Id, name, ct);
        var result = await SignInAsync(user, Input.Password!);
        if (municipality is not null)
        {
            Response.Cookies.Append(CodeCookie, municipality.Code, CodeCookieOptions(Request));
        }
        // With passwords turned off, only 管理者 (the break-glass accounts) sign in here; told only after a right password.
        if ((result.Succeeded || result.RequiresTwoFactor) && user!.Role != UserRole.Admin && await db.DirectoryConnections.IgnoreQueryFilters()
                .AnyAsync(c => c.MunicipalityId == user.MunicipalityId && c.Enabled && c.PasswordsOff, ct))
        {
            await signIn.SignOutAsync();
            ModelState.AddModelError(string.Empty, PasswordsOffMessage);
            return Page();
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
        }
        if (!result.Succeeded)
        {
            await throttle.FailedAsync(db, address, key, ct);
            await events.LoginFailedAsync(HttpContext, name, "ユーザー名またはパスワード", user, municipality?.Id);
            // One message whatever went wrong: the name, the password, a suspended account (ASVS 2.2.1, 3.2).
            ModelState.AddModelError(string.Empty, FailedMessage);
            return Page();
        }
        await throttle.SucceededAsync(db, address, key, ct);
        await RecordLoginAsync(users, tenant, clock, user!);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    internal static CookieOptions CodeCookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
    };

    /// <summary>What the throttle counts failures by: the municipality and the name within it.</summary>
    internal static string ThrottleKey(string municipality, string userName) => $"{municipality}/{userName.ToUpperInvariant()}";

    public const string PasswordsOffMessage = "この団体では、職員はディレクトリのアカウントでログインします。「ディレクトリでログイン」を押してください。";

    public const string FailedMessage = "ユーザー名またはパスワードが正しくありません。続く場合は管理者に連絡してください。";

    /// <summary>
    /// Checks the password without lockout (the throttle slows guessing instead). An unknown name and a suspended
    /// account cost a password hash as well, so the answer takes the same time whichever it was.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(AppUser? user, string password)
    {
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
    internal static async Task RecordLoginAsync(UserManager<AppUser> users, CurrentTenant tenant, TimeProvider clock, AppUser user)
    {
        tenant.SetUser(user.Id, $"{user.DisplayName}（{user.UserName}）", user.MunicipalityId, user.DepartmentId, user.Role == UserRole.Department);
        user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    internal string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/account/log", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}
