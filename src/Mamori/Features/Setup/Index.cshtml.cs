using System.ComponentModel.DataAnnotations;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Setup;

/// <summary>First-run setup: the first municipality and its 管理者. Gone once any account exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(AppDbContext db, CurrentTenant tenant, UserManager<AppUser> users,
    SignInManager<AppUser> signIn, SetupState state) : MamoriPageModel
{
    public sealed class InputModel
    {
        [Display(Name = "団体コード")]
        public string? Code { get; set; }

        [Display(Name = "団体名")]
        public string? Name { get; set; }

        [Display(Name = "ユーザー名")]
        public string? UserName { get; set; }

        [Display(Name = "表示名")]
        public string? DisplayName { get; set; }

        [Display(Name = "パスワード")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        [Display(Name = "パスワード（確認）")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await state.IsDoneAsync(db, ct))
        {
            return NotFound();
        }
        SetTitle("初期設定");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await state.IsDoneAsync(db, ct))
        {
            return NotFound();
        }
        SetTitle("初期設定");
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        tenant.SetSystem("初期設定");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var municipality = await CreateMunicipality.RunAsync(db, Input.Code, Input.Name, ct);
        if (!municipality.Ok)
        {
            AddErrors(municipality);
            return Page();
        }
        var account = await CreateAccount.RunAsync(db, users,
            new NewAccount(municipality.Value!.Id, Input.UserName, Input.DisplayName, UserRole.Admin, null, null, Input.Password), ct);
        if (!account.Ok)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            AddErrors(account);
            return Page();
        }
        await transaction.CommitAsync(ct);
        state.MarkDone();

        await signIn.SignInAsync(account.Value!, isPersistent: false);
        Flash($"{municipality.Value.Name}を登録しました。次に「部署」で組織を登録してください。");
        return Redirect("/");
    }
}
