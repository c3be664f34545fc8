using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.Room;

/// <summary>Records, corrects or deletes one server-room entry.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? EnteredAt { get; set; }
        public string? ExitedAt { get; set; }
        public RoomEntryKind? Kind { get; set; }
        public string? Organization { get; set; }
        public string? Name { get; set; }
        public string? Reason { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<string> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var e = await db.RoomEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (e is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                EnteredAt = RoomAccess.FormatJst(e.EnteredAt),
                ExitedAt = e.ExitedAt is { } x ? RoomAccess.FormatJst(x) : null,
                Kind = e.Kind,
                Organization = e.Organization,
                Name = e.Name,
                Reason = e.Reason,
                Version = e.Version,
            };
        }
        else
        {
            Input.EnteredAt = RoomAccess.FormatJst(clock.GetUtcNow().UtcDateTime);
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var entered = When(Input.EnteredAt, "Input.EnteredAt", required: true);
        var exited = When(Input.ExitedAt, "Input.ExitedAt", required: false);
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await RoomAccess.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new RoomEntryInput(entered, exited, Input.Kind, Input.Organization, Input.Name, Input.Reason), Input.Version, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"{WarekiDate.FormatDateTime(outcome.Value!.EnteredAt)} の入室を保存しました。");
        return Redirect($"/security/room?fy={FiscalYear.Of(outcome.Value.EnteredOn).StartYear}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var deleted = await RoomRecords.DeleteAsync(db, id, ct);
        if (deleted.Value is not { } entry)
        {
            return NotFound();
        }
        Flash($"{WarekiDate.FormatDateTime(entry.EnteredAt)} の入室の記録を削除しました（監査ログに残ります）。");
        return Redirect($"/security/room?fy={FiscalYear.Of(entry.EnteredOn).StartYear}");
    }

    private DateTime? When(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text) && !required)
        {
            return null;
        }
        if (RoomAccess.TryParseDateTime(text, out var value, out var error))
        {
            return value;
        }
        ModelState.AddModelError(field, error!);
        return null;
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Reasons = (await db.RoomReasons.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => r.Name).ToListAsync(ct))
            .Union(await db.RoomEntries.AsNoTracking().Select(e => e.Reason).Distinct().OrderBy(r => r).Take(200).ToListAsync(ct)).ToList();
        SetTitle(id is null ? "入室を記録する" : "入室の記録を直す", new Crumb("CSルーム入退室", "/security/room"));
        return Page();
    }
}
