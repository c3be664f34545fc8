using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Accounts;

/// <summary>パスワードを忘れた場合: asks for the account and answers the same whether or not it exists.</summary>
[AllowAnonymous]
public sealed class ForgotModel(AppDbContext db, PasswordResets resets) : MamoriPageModel
{
    public const string Answer = "ご入力のアカウントにメールアドレスが登録されていれば、パスワードを再設定するためのリンクをお送りしました。リンクは30分間、1回だけ使えます。メールが届かないときは管理者に連絡してください。";

    [BindProperty]
    public string? MunicipalityCode { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    public bool AskCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("パスワードの再設定");
        AskCode = await SignInAccounts.AskCodeAsync(db, ct);
        MunicipalityCode = Request.Cookies[LoginModel.CodeCookie];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetTitle("パスワードの再設定");
        AskCode = await SignInAccounts.AskCodeAsync(db, ct);
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), "ユーザー名を入力してください。");
        }
        if (AskCode && string.IsNullOrWhiteSpace(MunicipalityCode))
        {
            ModelState.AddModelError(nameof(MunicipalityCode), "団体コードを入力してください。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Not awaited: the answer comes as fast whether or not a mail is being sent.
        _ = resets.Request(MunicipalityCode, UserName);
        Flash(Answer);
        return RedirectToPage();
    }
}
