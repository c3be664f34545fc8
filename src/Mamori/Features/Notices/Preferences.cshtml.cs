using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Notices;

/// <summary>お知らせの受け取り方: the account's own mail address and choice, and its calendar feed.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PreferencesModel(AppDbContext db, UserManager<AppUser> users) : MamoriPageModel
{
    private const string Concurrent = "ほかの画面で同時にアカウントが変更されました。開き直して、もう一度操作してください。";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public NoticeMailChoice Choice { get; set; }

    public bool HasFeed { get; private set; }
    public bool MunicipalityMails { get; private set; }

    /// <summary>The feed's URL, shown once right after it is issued.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        (Email, Choice) = (user.Email, user.NoticeMail);
        return await ShowAsync(user, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var errors = new FieldErrors();
        AccountEmail.Check(errors, Email);
        if (!Enum.IsDefined(Choice))
        {
            errors.Add(nameof(Choice), "受け取り方を選んでください。");
        }
        if (errors.Any)
        {
            AddErrors(errors.Fail<AppUser>(), prefix: string.Empty);
            return await ShowAsync(user, ct);
        }
        AccountEmail.Set(user, Email);
        user.NoticeMail = Choice;
        var saved = await users.UpdateAsync(user);
        Flash(saved.Succeeded ? "お知らせの受け取り方を保存しました。" : Concurrent, error: !saved.Succeeded);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostIssueFeedAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var secret = CalendarFeed.Issue(user);
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            Flash(Concurrent, error: true);
            return RedirectToPage();
        }
        var site = await db.NoticeSettings.Select(s => s.SiteUrl).FirstOrDefaultAsync(ct) ?? $"{Request.Scheme}://{Request.Host}";
        // Shown once, straight from the POST: the secret never goes into a redirect or TempData.
        NewFeedUrl = $"{site.TrimEnd('/')}/calendar/{secret}.ics";
        (Email, Choice) = (user.Email, user.NoticeMail);
        return await ShowAsync(user, ct);
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        CalendarFeed.Revoke(user);
        var saved = await users.UpdateAsync(user);
        Flash(saved.Succeeded ? "カレンダー配信を停止しました。これまでの URL は使えなくなりました。" : Concurrent, error: !saved.Succeeded);
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(AppUser user, CancellationToken ct)
    {
        SetTitle("お知らせの受け取り方", new Crumb("アカウント設定", "/account/security"));
        HasFeed = user.CalendarFeedHash is not null;
        var settings = await db.NoticeSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        MunicipalityMails = settings?.CanMail == true;
        return Page();
    }
}
