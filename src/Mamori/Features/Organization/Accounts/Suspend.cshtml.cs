using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Accounts;

[Authorize(Policy = Policies.AccountSuspend)]
public sealed class SuspendModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : MamoriPageModel
{
    public string UserName { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public DateTime? SuspendedAt { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        return user is null ? NotFound() : Show(user);
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        var outcome = await SuspendAccount.SuspendAsync(users, user, Reason, users.GetUserId(User)!, clock);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Show(user);
        }
        Flash($"アカウント「{user.UserName}」を利用停止にしました。");
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/organization/long-absence");
    }

    public async Task<IActionResult> OnPostResumeAsync(string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        var outcome = await SuspendAccount.ResumeAsync(users, user);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return Show(user);
        }
        Flash($"アカウント「{user.UserName}」の利用を再開しました。");
        return Redirect("/organization/accounts");
    }

    private Task<AppUser?> Find(string id, CancellationToken ct) => db.TenantUsers().FirstOrDefaultAsync(u => u.Id == id, ct);

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Show(AppUser user)
    {
        UserName = user.UserName ?? string.Empty;
        DisplayName = user.DisplayName;
        SuspendedAt = user.SuspendedAt;
        Reason ??= user.SuspensionReason;
        SetTitle(user.SuspendedAt is null ? "アカウントの利用停止" : "アカウントの利用再開", new Crumb("アカウント", "/organization/accounts"));
        return Page();
    }
}
