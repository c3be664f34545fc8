using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>The inspections, newest first, with how many of their findings are still open (a 所管課 counts its own).</summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class InspectionsModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(Inspection Inspection, int Findings, int Open);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = await AllowedAsync(authz, Policies.FindingsManage);
        var inspections = await db.Inspections.AsNoTracking().OrderByDescending(i => i.StartOn).ToListAsync(ct);
        var counts = await db.Findings.GroupBy(f => f.InspectionId)
            .Select(g => new { g.Key, Total = g.Count(), Open = g.Count(f => f.Status != FindingStatus.Confirmed) }).ToListAsync(ct);
        Rows = inspections
            .Select(i => new Row(i, counts.FirstOrDefault(c => c.Key == i.Id)?.Total ?? 0, counts.FirstOrDefault(c => c.Key == i.Id)?.Open ?? 0))
            .Where(r => CanManage || r.Findings > 0 || !db.Tenant.RestrictToDepartment)
            .ToList();
        SetTitle("検査・監査", FindingsPages.Root);
    }
}
