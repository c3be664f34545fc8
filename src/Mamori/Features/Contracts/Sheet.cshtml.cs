using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Contracts;

/// <summary>委託契約の確認票: one contract on one sheet for the PPC — clauses, re-consignments and their approvals, 返還・廃棄.</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class SheetModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public PrintDocument Document { get; private set; } = null!;
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct)
        ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{Document.Title}.docx")
        : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var overview = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), id, ct);
        if (overview.Contracts.Count == 0)
        {
            return false;
        }
        var (systems, files) = await ContractsPages.LinksAsync(db, ct);
        Id = id;
        Document = overview.ToSheet(overview.Contracts[0], systems, files);
        SetTitle("委託契約の確認票", ContractsPages.Root, new Crumb(overview.Contracts[0].Title, $"/contracts/{id}"));
        return true;
    }
}
