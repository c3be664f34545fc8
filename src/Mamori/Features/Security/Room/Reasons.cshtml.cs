using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.Room;

/// <summary>入室理由の一覧: the reasons offered on the entry form.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class ReasonsModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty] public string? Name { get; set; }
    public List<RoomReason> Reasons { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 400)
        {
            ModelState.AddModelError(nameof(Name), "入室理由を400文字以内で入力してください。");
        }
        else if (await db.RoomReasons.AnyAsync(r => r.Name == name, ct))
        {
            ModelState.AddModelError(nameof(Name), $"「{name}」はすでに一覧にあります。");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var order = await db.RoomReasons.Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? 0;
        db.RoomReasons.Add(new RoomReason { Name = name!, SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        Flash($"入室理由「{name}」を追加しました。");
        return Redirect("/security/room/reasons");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid reasonId, CancellationToken ct)
    {
        var reason = await db.RoomReasons.FirstOrDefaultAsync(r => r.Id == reasonId, ct);
        if (reason is null)
        {
            return NotFound();
        }
        db.RoomReasons.Remove(reason);
        await db.SaveChangesAsync(ct);
        Flash($"入室理由「{reason.Name}」を一覧から外しました。記録済みの入室はそのままです。");
        return Redirect("/security/room/reasons");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("入室理由の一覧", new Crumb("CSルーム入退室", "/security/room"));
        Reasons = await db.RoomReasons.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct);
    }
}
