using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Contracts;

/// <summary>委託契約の確認事項: contracts missing required clauses, approvals, certifications in force or end-of-contract proof.</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class ExceptionsModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public ContractOverview Overview { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(Overview.ExceptionsXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"委託契約の確認事項_{Overview.Today:yyyyMMdd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overview = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), db.Contracts, ct);
        Document = Overview.ToExceptionsDocument();
        SetTitle("委託契約の確認事項", ContractsPages.Root);
    }
}
