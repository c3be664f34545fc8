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

namespace Mamori.Features.Findings.Tasks;

/// <summary>Registers or changes a recurring task, optionally as the countermeasure of a finding.</summary>
[Authorize(Policy = Policies.FindingsRespond)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public Guid? DepartmentId { get; set; }
        public TaskFrequency Frequency { get; set; }
        public string? FirstDueOn { get; set; }
        public string? EndOn { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Finding { get; set; }
    public Guid? Id { get; private set; }
    public string? FindingLabel { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var t = await db.RecurringTasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (t is null)
            {
                return NotFound();
            }
            Finding = t.FindingId;
            Input = new InputModel
            {
                Title = t.Title,
                DepartmentId = t.DepartmentId,
                Frequency = t.Frequency,
                FirstDueOn = WarekiDate.Format(t.FirstDueOn),
                EndOn = t.EndOn is { } e ? WarekiDate.Format(e) : null,
                Note = t.Note,
                Version = t.Version,
            };
        }
        else if (Finding is { } findingId)
        {
            var f = await db.Findings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == findingId, ct);
            if (f is null)
            {
                return NotFound();
            }
            Input.DepartmentId = f.DepartmentId;
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var found = await db.RecurringTasks.AsNoTracking().Where(t => t.Id == existing).Select(t => new { t.FindingId }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return NotFound();
            }
            Finding = found.FindingId;
        }
        else if (Finding is { } findingId && !await db.Findings.AnyAsync(f => f.Id == findingId, ct))
        {
            return NotFound();
        }
        var first = ParseDate(Input.FirstDueOn, "Input.FirstDueOn");
        var end = ParseDate(Input.EndOn, "Input.EndOn");
        if (ModelState.IsValid)
        {
            var outcome = await RecurringTasks.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
                new RecurringTaskInput(Input.Title, Input.DepartmentId, Input.Frequency, first, end, Input.Note, Finding), Input.Version, ct);
            if (outcome.Ok)
            {
                Flash($"定期的な取組「{outcome.Value!.Title}」を保存しました。");
                return Redirect($"/findings/tasks/{outcome.Value.Id}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, ct);
    }

    private async Task<PageResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        if (Finding is { } findingId)
        {
            FindingLabel = await db.Findings.Where(f => f.Id == findingId).Select(f => f.Heading).FirstOrDefaultAsync(ct);
        }
        SetTitle(id is null ? "定期的な取組を登録する" : "定期的な取組を直す", FindingsPages.Root, FindingsPages.Tasks);
        return Page();
    }
}
