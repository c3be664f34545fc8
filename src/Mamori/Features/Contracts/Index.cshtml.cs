using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Contracts;

/// <summary>委託契約の一覧: each contract with its period, re-consignments and what is wrong with it.</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public ContractOverview Overview { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Overview = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), db.Contracts, ct);
        CanWrite = await AllowedAsync(authz, Policies.ContractsWrite);
        CanManage = await AllowedAsync(authz, Policies.ContractsManage);
        SetTitle("委託契約・再委託");
        return Page();
    }
}
