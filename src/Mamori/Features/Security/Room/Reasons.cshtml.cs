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
        var added = await RoomRecords.AddReasonAsync(db, db.Tenant.MunicipalityId!.Value, Name, ct);
        if (!added.Ok)
        {
            AddErrors(added, "");
            await LoadAsync(ct);
            return Page();
        }
        Flash($"入室理由「{added.Value!.Name}」を追加しました。");
        return Redirect("/security/room/reasons");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid reasonId, CancellationToken ct)
    {
        var removed = await RoomRecords.RemoveReasonAsync(db, reasonId, ct);
        if (removed.Value is not { } reason)
        {
            return NotFound();
        }
        Flash($"入室理由「{reason.Name}」を一覧から外しました。記録済みの入室はそのままです。");
        return Redirect("/security/room/reasons");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("入室理由の一覧", new Crumb("CSルーム入退室", "/security/room"));
        Reasons = await RoomRecords.ReasonsAsync(db, ct);
    }
}
