using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>訓練の記録: emergency-response and CSIRT drills by fiscal year.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class DrillsModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public List<Drill> Drills { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("訓練", SecurityPages.Root);
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        Drills = await db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).ToListAsync(ct);
    }
}
