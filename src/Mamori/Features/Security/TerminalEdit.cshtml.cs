using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>Registers or edits a terminal.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class TerminalEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? Place { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Manager { get; set; }
        public string? Assistant { get; set; }
        public string? InstalledOn { get; set; }
        public string? WireLockCheckedOn { get; set; }
        public string? RemovedOn { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var t = await db.Terminals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (t is null)
            {
                return NotFound();
            }
            static string? F(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
            Input = new InputModel
            {
                Code = t.Code,
                Place = t.Place,
                DepartmentId = t.DepartmentId,
                Manager = t.Manager,
                Assistant = t.Assistant,
                InstalledOn = F(t.InstalledOn),
                WireLockCheckedOn = F(t.WireLockCheckedOn),
                RemovedOn = F(t.RemovedOn),
                Note = t.Note,
                Version = t.Version,
            };
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var installed = ParseDate(Input.InstalledOn, "Input.InstalledOn");
        var wireLock = ParseDate(Input.WireLockCheckedOn, "Input.WireLockCheckedOn");
        var removed = ParseDate(Input.RemovedOn, "Input.RemovedOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await Terminals.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, new TerminalInput
        {
            Code = Input.Code,
            Place = Input.Place,
            DepartmentId = Input.DepartmentId,
            Manager = Input.Manager,
            Assistant = Input.Assistant,
            InstalledOn = installed,
            WireLockCheckedOn = wireLock,
            RemovedOn = removed,
            Note = Input.Note,
        }, Input.Version, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"端末 {outcome.Value!.Code} を保存しました。");
        return Redirect($"/security/terminals/{outcome.Value.Id}");
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.LoadAsync(db, ct);
        SetTitle(id is null ? "端末を登録する" : "端末の登録内容を直す", SecurityPages.Root, new Crumb("統合端末", "/security/terminals"));
        return Page();
    }
}
