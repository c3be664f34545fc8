using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Statistics;

/// <summary>統計: the datasets, what is stored of each and whether it is public.</summary>
[Authorize(Policy = Policies.StatisticsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public IReadOnlyList<StatisticsTables.Overview> Datasets { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string Code { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("統計");
        CanWrite = await AllowedAsync(authz, Policies.StatisticsWrite);
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        Datasets = await StatisticsTables.OverviewAsync(db, municipalityId, ct);
        Code = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Code).FirstAsync(ct);
    }
}
