using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>Registers or corrects an inspection (事務局); one without findings can be deleted.</summary>
[Authorize(Policy = Policies.FindingsManage)]
public sealed class InspectionEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public FindingSource Source { get; set; }
        public string? Title { get; set; }
        public string? Inspector { get; set; }
        public string? StartOn { get; set; }
        public string? EndOn { get; set; }
        public string? Note { get; set; }
        public List<Guid> DepartmentIds { get; set; } = [];
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var i = await db.Inspections.AsNoTracking().Include(x => x.Departments).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Source = i.Source,
                Title = i.Title,
                Inspector = i.Inspector,
                StartOn = WarekiDate.Format(i.StartOn),
                EndOn = i.EndOn is { } e ? WarekiDate.Format(e) : null,
                Note = i.Note,
                DepartmentIds = i.Departments.Select(d => d.DepartmentId).ToList(),
                Version = i.Version,
            };
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var start = ParseDate(Input.StartOn, "Input.StartOn");
        var end = ParseDate(Input.EndOn, "Input.EndOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await FindingWorkflow.SaveInspectionAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new InspectionInput(Input.Source, Input.Title, Input.Inspector, start, end, Input.Note, Input.DepartmentIds), Input.Version, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"検査・監査「{outcome.Value!.Title}」を保存しました。");
        return Redirect($"/findings/inspections/{outcome.Value.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await FindingWorkflow.DeleteInspectionAsync(db, id, ct);
        if (!outcome.Ok)
        {
            Flash(outcome, string.Empty);
            return Redirect($"/findings/inspections/{id}");
        }
        Flash($"検査・監査「{outcome.Value!.Title}」を削除しました。");
        return Redirect("/findings/inspections");
    }

    private async Task<PageResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.LoadAsync(db, ct);
        SetTitle(id is null ? "検査・監査を登録する" : "検査・監査を直す", FindingsPages.Root, FindingsPages.Inspections);
        return Page();
    }
}
