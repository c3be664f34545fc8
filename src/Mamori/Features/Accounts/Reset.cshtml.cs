using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Accounts;

/// <summary>Sets a new password from the mailed one-time link.</summary>
[AllowAnonymous]
public sealed class ResetModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : MamoriPageModel
{
    public const string Unusable = "このリンクは使えません（30分の期限が過ぎたか、既に使われています）。もう一度「パスワードの再設定」から手続きしてください。";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public void OnGet() => SetTitle("新しいパスワードの設定");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetTitle("新しいパスワードの設定");
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "新しいパスワードを入力してください。");
        }
        else if (NewPassword != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "確認用のパスワードが一致しません。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == UserId && u.SuspendedAt == null, ct);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(string.Empty, Unusable);
            return Page();
        }
        db.Tenant.SetJob(user.MunicipalityId, $"{user.DisplayName}（{user.UserName}、パスワードの再設定）");
        var result = await PasswordResets.ResetAsync(db, users, user, Token, NewPassword!, clock, ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : nameof(NewPassword),
                    e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? Unusable : e.Description);
            }
            return Page();
        }
        Flash("パスワードを設定しました。新しいパスワードでログインしてください。");
        return Redirect("/account/login");
    }
}
