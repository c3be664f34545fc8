using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Notices;

/// <summary>お知らせ: the signed-in account's own notices, newest first, by module and read state.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public const int PageSize = 200;

    public List<Inbox.Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool UnreadOnly { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("お知らせ");
        var module = NoticeRules.Modules.Contains(Module) ? Module : null;
        Module = module;
        Rows = await Inbox.ListAsync(db, UserId, module, UnreadOnly, PageSize, ct);
        Unread = await Inbox.UnreadAsync(db, UserId, ct);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await Inbox.MarkAllReadAsync(db, UserId, clock.GetUtcNow().UtcDateTime, ct);
        Flash(count == 0 ? "未読のお知らせはありません。" : $"{count}件のお知らせを既読にしました。");
        return RedirectToPage(new { Module, UnreadOnly });
    }

    private string UserId => db.Tenant.UserId!;
}
