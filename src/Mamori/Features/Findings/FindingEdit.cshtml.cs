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

/// <summary>Enters or corrects a finding of an inspection (事務局): what was found, where, by when.</summary>
[Authorize(Policy = Policies.FindingsManage)]
public sealed class FindingEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public FindingLaw Law { get; set; }
        public int? Number { get; set; }
        public string? Heading { get; set; }
        public string? Provision { get; set; }
        public string? Text { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? DueOn { get; set; }
        public string? Countermeasure { get; set; }
        public Guid? IncidentId { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed record IncidentOption(Guid Id, string Label);

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Inspection { get; set; }
    public Guid? Id { get; private set; }
    public string InspectionTitle { get; private set; } = "";
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<IncidentOption> Incidents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var f = await db.Findings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (f is null)
            {
                return NotFound();
            }
            Inspection = f.InspectionId;
            Input = new InputModel
            {
                Law = f.Law,
                Number = f.Number,
                Heading = f.Heading,
                Provision = f.Provision,
                Text = f.Text,
                DepartmentId = f.DepartmentId,
                DueOn = f.DueOn is { } d ? WarekiDate.Format(d) : null,
                Countermeasure = f.Countermeasure,
                IncidentId = f.IncidentId,
                Version = f.Version,
            };
        }
        return await PrepareAsync(id, ct) ?? (IActionResult)NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            Inspection = await db.Findings.Where(f => f.Id == existing).Select(f => (Guid?)f.InspectionId).FirstOrDefaultAsync(ct);
        }
        if (Inspection is null)
        {
            return NotFound();
        }
        var due = ParseDate(Input.DueOn, "Input.DueOn");
        if (ModelState.IsValid)
        {
            var outcome = await FindingWorkflow.SaveFindingAsync(db, Inspection.Value, id, new FindingInput
            {
                Law = Input.Law,
                Number = Input.Number,
                Heading = Input.Heading,
                Provision = Input.Provision,
                Text = Input.Text,
                DepartmentId = Input.DepartmentId,
                DueOn = due,
                Countermeasure = Input.Countermeasure,
                IncidentId = Input.IncidentId,
            }, Input.Version, ct);
            if (outcome.Ok)
            {
                Flash($"指摘事項「{outcome.Value!.Law.JapaneseName()}{FindingNames.NumberLabel(outcome.Value.Number)} {outcome.Value.Heading}」を保存しました。");
                return Redirect($"/findings/inspections/{Inspection}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, ct) ?? (IActionResult)NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await FindingWorkflow.DeleteFindingAsync(db, id, ct);
        if (!outcome.Ok)
        {
            Flash(outcome, string.Empty);
            return Redirect($"/findings/{id}");
        }
        Flash($"指摘事項「{outcome.Value!.Heading}」を削除しました。");
        return Redirect($"/findings/inspections/{outcome.Value.InspectionId}");
    }

    private async Task<PageResult?> PrepareAsync(Guid? id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Inspection, ct);
        if (inspection is null)
        {
            return null;
        }
        Id = id;
        InspectionTitle = inspection.Title;
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Incidents = (await db.Incidents.AsNoTracking().OrderByDescending(i => i.Number).Select(i => new { i.Id, i.Number, i.Title }).ToListAsync(ct))
            .Select(i => new IncidentOption(i.Id, $"第{i.Number}号 {i.Title}")).ToList();
        SetTitle(id is null ? "指摘事項を追加する" : "指摘事項を直す", FindingsPages.Root, FindingsPages.Inspections, new Crumb(inspection.Title, $"/findings/inspections/{inspection.Id}"));
        return Page();
    }
}
