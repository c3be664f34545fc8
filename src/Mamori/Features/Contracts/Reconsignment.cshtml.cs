using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>One re-consignment: the two checks with their evidence, and 承認・不承認 (approval refused until both are answered).</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class ReconsignmentModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class DecisionInput
    {
        public string? DecidedOn { get; set; }
        public string? DecisionNote { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public DecisionInput Decision { get; set; } = new();
    public Reconsignment Item { get; private set; } = null!;
    public Contract Contract { get; private set; } = null!;
    public string? Parent { get; private set; }
    public IReadOnlyList<ContractDocument> Documents { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Decision = new DecisionInput { DecidedOn = WarekiDate.Format(Today), Version = Item.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, ContractDocumentKind kind, IFormFile? file, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ContractsWrite))
        {
            return Forbid();
        }
        var contractId = await db.Reconsignments.Where(r => r.Id == id).Select(r => (Guid?)r.ContractId).FirstOrDefaultAsync(ct);
        if (contractId is null)
        {
            return NotFound();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
        var outcome = tooLarge is null
            ? await ContractFiles.AddDocumentAsync(db, contractId.Value, id, kind, file?.FileName, content, clock, ct)
            : Core.Outcome<ContractDocument>.Fail("File", tooLarge);
        Flash(outcome, $"{kind.JapaneseName()}の証跡「{outcome.Value?.FileName}」を登録しました。");
        return Redirect($"/contracts/reconsignments/{id}");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ContractsWrite))
        {
            return Forbid();
        }
        var on = ParseDate(Decision.DecidedOn, "Decision.DecidedOn");
        if (ModelState.IsValid)
        {
            var outcome = await Reconsignments.DecideAsync(db, id, approve, on, Decision.DecisionNote, Decision.Version, clock, ct);
            if (outcome.Ok)
            {
                Flash(approve ? "再委託を承認しました。" : "再委託を不承認としました。");
                return Redirect($"/contracts/reconsignments/{id}");
            }
            AddErrors(outcome, "Decision");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Reconsignments.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == item.ContractId, ct);
        Parent = item.ParentId is { } p ? await db.Reconsignments.Where(r => r.Id == p).Select(r => r.Subcontractor).FirstOrDefaultAsync(ct) : null;
        Documents = await db.ContractDocuments.AsNoTracking().Where(d => d.ReconsignmentId == id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        Missing = Reconsignments.MissingForApproval(item, Documents);
        Today = JapanTime.Today(clock);
        CanWrite = await AllowedAsync(authz, Policies.ContractsWrite);
        SetTitle($"再委託：{item.Subcontractor}", ContractsPages.Root, new Crumb(Contract.Title, $"/contracts/{Contract.Id}"));
        return true;
    }
}
