using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>Records or corrects a 再委託承認申請 (while it is 申請中): the sub-contractor, the work, why, and the two checks.</summary>
[Authorize(Policy = Policies.ContractsWrite)]
public sealed class ReconsignmentEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid? ParentId { get; set; }
        public string? Subcontractor { get; set; }
        public string? Work { get; set; }
        public string? Reason { get; set; }
        public string? Responsibility { get; set; }
        public string? Measures { get; set; }
        public string? StartOn { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Contract Contract { get; private set; } = null!;
    public Guid? Rid { get; private set; }
    public IReadOnlyList<Reconsignment> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? rid, CancellationToken ct)
    {
        if (rid is { } existing)
        {
            var r = await db.Reconsignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing && x.ContractId == id, ct);
            if (r is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                ParentId = r.ParentId,
                Subcontractor = r.Subcontractor,
                Work = r.Work,
                Reason = r.Reason,
                Responsibility = r.Responsibility,
                Measures = r.Measures,
                StartOn = r.StartOn is { } s ? WarekiDate.Format(s) : null,
                Version = r.Version,
            };
        }
        return await PrepareAsync(id, rid, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? rid, CancellationToken ct)
    {
        var start = ParseDate(Input.StartOn, "Input.StartOn");
        if (ModelState.IsValid)
        {
            var outcome = await Reconsignments.SaveAsync(db, id, rid, new ReconsignmentInput
            {
                ParentId = Input.ParentId,
                Subcontractor = Input.Subcontractor,
                Work = Input.Work,
                Reason = Input.Reason,
                Responsibility = Input.Responsibility,
                Measures = Input.Measures,
                StartOn = start,
                Version = Input.Version,
            }, ct);
            if (outcome.Ok)
            {
                Flash($"再委託「{outcome.Value!.Subcontractor}」を保存しました。責任体制と安全管理措置の証跡を登録してから承認してください。");
                return Redirect($"/contracts/reconsignments/{outcome.Value.Id}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, rid, ct);
    }

    private async Task<IActionResult> PrepareAsync(Guid id, Guid? rid, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }
        Contract = contract;
        Rid = rid;
        Others = await db.Reconsignments.AsNoTracking().Where(r => r.ContractId == id && r.Id != rid).OrderBy(r => r.Subcontractor).ToListAsync(ct);
        SetTitle(rid is null ? "再委託の承認申請を登録する" : "再委託の承認申請を直す", ContractsPages.Root, new Crumb(contract.Title, $"/contracts/{id}"));
        return Page();
    }
}
