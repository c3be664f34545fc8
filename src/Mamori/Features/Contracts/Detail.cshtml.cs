using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Contracts;

/// <summary>One contract: its clauses against the template, certifications, handlers, re-consignments, documents and 返還・廃棄.</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class ReturnInput
    {
        public string? ReturnedOn { get; set; }
        public string? ReturnNote { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class VisitInput
    {
        public VisitKind Kind { get; set; }
        public Guid? ReconsignmentId { get; set; }
        public string? HeldOn { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty] public ReturnInput Return { get; set; } = new();
    [BindProperty] public VisitInput Visit { get; set; } = new();

    public ContractOverview Overview { get; private set; } = null!;
    public Contract Contract { get; private set; } = null!;
    public Dictionary<Guid, string> Systems { get; private set; } = [];
    public Dictionary<Guid, string> Files { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Return = new ReturnInput { ReturnedOn = WarekiDate.Format(Overview.Today), Version = Contract.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, IFormFile? certificate, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ContractsWrite))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(certificate, UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Return.Certificate", tooLarge);
        }
        var on = ParseDate(Return.ReturnedOn, "Return.ReturnedOn");
        if (ModelState.IsValid)
        {
            var outcome = await ContractFiles.RecordReturnAsync(db, id, on, Return.ReturnNote, certificate?.FileName, content, Return.Version, clock, ct);
            if (outcome.Ok)
            {
                Flash("返還・廃棄を記録しました。");
                return Redirect($"/contracts/{id}");
            }
            AddErrors(outcome, "Return");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ContractsWrite))
        {
            return Forbid();
        }
        var on = ParseDate(Visit.HeldOn, "Visit.HeldOn");
        if (ModelState.IsValid)
        {
            var outcome = await ContractVisits.RecordAsync(db, id, Visit.ReconsignmentId, Visit.Kind, on, Visit.Summary, clock, ct);
            if (outcome.Ok)
            {
                Flash($"{outcome.Value!.Kind.JapaneseName()}を記録しました。見つかった指摘は、指摘事項の「検査・監査」に入力します。");
                return Redirect($"/contracts/{id}#visits");
            }
            AddErrors(outcome, "Visit");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ContractsWrite))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
        var outcome = tooLarge is null
            ? await ContractFiles.AddDocumentAsync(db, id, null, ContractDocumentKind.Other, file?.FileName, content, clock, ct)
            : Core.Outcome<ContractDocument>.Fail("File", tooLarge);
        Flash(outcome, $"「{outcome.Value?.FileName}」を登録しました。");
        return Redirect($"/contracts/{id}#documents");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Overview = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), id, ct);
        if (Overview.Contracts.Count == 0)
        {
            return false;
        }
        Contract = Overview.Contracts[0];
        (Systems, Files) = await ContractsPages.LinksAsync(db, ct);
        CanWrite = await AllowedAsync(authz, Policies.ContractsWrite);
        SetTitle(Contract.Title, ContractsPages.Root);
        return true;
    }
}
